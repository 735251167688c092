import type { Member } from '../household'
import { and } from '../logic'
import { ageAtLeast, needsCare } from './facts'
import { lowIncome, perMember, resident, someMember, valueOf } from './criteria'
import type { BenefitId, BenefitRule, RuleContext } from './types'

const isAged80 = (member: Member) => ageAtLeast(member, 80)
const isAged60 = (member: Member) => ageAtLeast(member, 60)
const isOlderDependent = (member: Member) => and(isAged60(member), needsCare(member))

/** The allowance for a member known to be 80 or over, by age bracket. */
function highAgeAmount(context: RuleContext, member: Member) {
  const age = member.age ?? 0
  return valueOf(context, age >= 100 ? 'high_age.monthly.100_plus' : age >= 90 ? 'high_age.monthly.90_99' : 'high_age.monthly.80_89')
}

/**
 * 高龄津贴: a monthly allowance for residents aged 80 and over, by age bracket (80–89, 90–99, 100+).
 * Amounts: illustrative, to be confirmed by each city.
 */
export const highAgeAllowance: BenefitRule = {
  id: 'high_age_allowance',
  name: '高龄津贴',
  description: '80 周岁以上的山西户籍老人，按年龄段每月领取高龄津贴',
  documents: ['id_card', 'hukou_book'],
  parameters: ['high_age.monthly.80_89', 'high_age.monthly.90_99', 'high_age.monthly.100_plus'],
  evaluate(context) {
    return {
      criteria: [resident(context), someMember(context, 'age80', isAged80, age80Texts)],
      monthlyAmount: perMember(context, isAged80, highAgeAmount),
    }
  },
}

const age80Texts = {
  who: '位 80 周岁以上的老人',
  no: '家中没有 80 周岁以上的老人',
  unknown: '还不知道部分家庭成员的年龄，暂时无法判断',
}

/** Low income for the care subsidy: a dibao, tekun or dibao-edge household. */
const CARE_LOW_INCOME: readonly BenefitId[] = ['dibao', 'tekun', 'dibao_edge']

/** The care subsidy for an older member who cannot fully look after themselves, by how much help they need. */
const careAmount = (context: RuleContext, { selfCare }: Member) =>
  valueOf(context, selfCare === 'none' ? 'elderly_care.monthly.none' : 'elderly_care.monthly.partial')

/**
 * 经济困难失能老年人护理补贴: for older people who cannot fully look after themselves, in a dibao,
 * tekun or dibao-edge household. Amounts (partial / total loss of self-care): illustrative.
 */
export const elderlyCareSubsidy: BenefitRule = {
  id: 'elderly_care_subsidy',
  name: '经济困难失能老年人护理补贴',
  description: '低保、特困或低保边缘家庭中生活不能自理的 60 周岁以上老人，按失能程度每月领取护理补贴',
  documents: ['id_card', 'hukou_book', 'self_care_assessment'],
  parameters: ['elderly_care.monthly.partial', 'elderly_care.monthly.none'],
  dependsOn: CARE_LOW_INCOME,
  evaluate(context) {
    return {
      criteria: [
        someMember(context, 'older_dependent', isOlderDependent, olderDependentTexts),
        lowIncome(context, CARE_LOW_INCOME, '低保、特困供养或低保边缘家庭'),
      ],
      monthlyAmount: perMember(context, isOlderDependent, careAmount),
    }
  },
}

const olderDependentTexts = {
  who: '位 60 周岁以上、生活不能完全自理的老人',
  no: '家中没有 60 周岁以上、生活不能完全自理的老人',
  unknown: '还不清楚家中老人的年龄或生活自理情况，暂时无法判断',
}

/**
 * 适老化改造补贴: towards making the home safe for an older person (grab bars, non-slip floors …):
 * since 2025-07-21 Shanxi's 晋孝焕新 programme pays 30 % of the price, up to 18,000 yuan a person.
 */
export const homeModificationSubsidy: BenefitRule = {
  id: 'home_modification_subsidy',
  name: '适老化改造补贴',
  description: '家中有 60 周岁以上老人的，可申请居家适老化改造（扶手、防滑、无障碍等）一次性补贴',
  documents: ['id_card', 'hukou_book', 'purchase_invoice'],
  parameters: ['home_modification.max_amount'],
  evaluate(context) {
    return {
      criteria: [resident(context), someMember(context, 'elderly', isAged60, aged60Texts)],
      monthlyAmount: null,
      maxOneOffAmount: context.parameters['home_modification.max_amount'].value,
    }
  },
}

const aged60Texts = {
  who: '位 60 周岁以上的老人',
  no: '家中没有 60 周岁以上的老人',
  unknown: '还不知道部分家庭成员的年龄，暂时无法判断',
}
