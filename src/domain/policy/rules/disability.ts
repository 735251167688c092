import { isDisabled, isSevere } from './facts'
import { each, lowIncome, perMember, resident, someMember } from './criteria'
import type { BenefitId, BenefitRule } from './types'

/** Low income for the living subsidy: a dibao or dibao-edge household. */
const DISABILITY_LOW_INCOME: readonly BenefitId[] = ['dibao', 'dibao_edge']

/**
 * 困难残疾人生活补贴: for people with a disability certificate (grade 1–4) in a dibao or dibao-edge
 * household, per disabled member. Amount: illustrative.
 */
export const disabilityLivingSubsidy: BenefitRule = {
  id: 'disability_living_subsidy',
  name: '困难残疾人生活补贴',
  description: '低保或低保边缘家庭中持有残疾人证的成员，每人每月领取生活补贴',
  documents: ['id_card', 'hukou_book', 'disability_certificate'],
  parameters: ['disability_living.monthly'],
  dependsOn: DISABILITY_LOW_INCOME,
  evaluate(context) {
    return {
      criteria: [
        resident(context),
        someMember(context, 'disabled', isDisabled, disabledTexts),
        lowIncome(context, DISABILITY_LOW_INCOME, '低保或低保边缘家庭'),
      ],
      monthlyAmount: perMember(context, isDisabled, each('disability_living.monthly')),
    }
  },
}

const disabledTexts = {
  who: '人持有一至四级残疾人证',
  no: '家中没有持残疾人证的成员',
  unknown: '还不清楚家庭成员是否有残疾人证及其等级，暂时无法判断',
}

/**
 * 重度残疾人护理补贴: for people with a grade 1–2 disability, or grade 3 intellectual or mental
 * disability, per such member, with no income test. Amount: illustrative.
 */
export const severeDisabilityCareSubsidy: BenefitRule = {
  id: 'severe_disability_care_subsidy',
  name: '重度残疾人护理补贴',
  description: '一、二级残疾人和三级智力、精神残疾人，不看家庭收入，每人每月领取护理补贴',
  documents: ['id_card', 'hukou_book', 'disability_certificate'],
  parameters: ['severe_disability_care.monthly'],
  evaluate(context) {
    return {
      criteria: [resident(context), someMember(context, 'severe', isSevere, severeTexts)],
      monthlyAmount: perMember(context, isSevere, each('severe_disability_care.monthly')),
    }
  },
}

const severeTexts = {
  who: '位重度残疾人（一、二级，或三级智力、精神残疾）',
  no: '家中没有一、二级残疾人或三级智力、精神残疾人',
  unknown: '还不清楚家庭成员的残疾等级或类别，暂时无法判断',
}
