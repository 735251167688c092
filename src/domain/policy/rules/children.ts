import type { ChildStatus, Member } from '../household'
import { isAidedStudent, isChildWithStatus } from './facts'
import { perMember, resident, someMember, valueOf } from './criteria'
import type { BenefitId, BenefitRule, RuleContext } from './types'

/** A child's monthly living allowance by where they are cared for; unknown when that is. */
const childAmount = (context: RuleContext, { careSetting }: Member) =>
  careSetting ? valueOf(context, careSetting === 'institution' ? 'child.monthly.institution' : 'child.monthly.family') : null

/**
 * A monthly living allowance for children under 18 with a status (孤儿 / 事实无人抚养儿童): per
 * child, by where they are cared for (institution or family); unknown when a child's care setting is.
 * Amounts: as reported of Shanxi civil affairs' first half of 2025 (中国发展网, 2025-07-28).
 */
function childAllowance(
  id: BenefitId,
  status: ChildStatus,
  label: string,
  rule: Pick<BenefitRule, 'name' | 'description' | 'documents'>,
): BenefitRule {
  const qualifies = (member: Member) => isChildWithStatus(member, status)
  const texts = {
    who: `名未满 18 周岁的${label}`,
    no: `家中没有未满 18 周岁的${label}`,
    unknown: `家中有${label}，但还不知道其年龄，暂时无法判断`,
  }
  return {
    ...rule,
    id,
    parameters: ['child.monthly.institution', 'child.monthly.family'],
    evaluate(context) {
      return {
        criteria: [resident(context), someMember(context, status, qualifies, texts)],
        monthlyAmount: perMember(context, qualifies, childAmount),
      }
    },
  }
}

/** 孤儿基本生活费. */
export const orphanAllowance = childAllowance('orphan_allowance', 'orphan', '孤儿', {
  name: '孤儿基本生活费',
  description: '父母双亡或被宣告失踪的未满 18 周岁儿童，每月领取基本生活费',
  documents: ['id_card', 'hukou_book', 'parents_death_or_missing_proof'],
})

/** 事实无人抚养儿童基本生活补贴. */
export const unattendedChildAllowance = childAllowance('unattended_child_allowance', 'unattended', '事实无人抚养儿童', {
  name: '事实无人抚养儿童基本生活补贴',
  description: '父母重残、重病、服刑、失联等无法抚养的未满 18 周岁儿童，每月领取基本生活补贴',
  documents: ['id_card', 'hukou_book', 'parents_situation_proof'],
})

/** 福彩圆梦助学: a one-off grant each school year for orphans and unattended children admitted to higher education. */
export const dreamScholarship: BenefitRule = {
  id: 'dream_scholarship',
  name: '福彩圆梦助学',
  description: '孤儿和事实无人抚养儿童考入大学（含高职）的，每学年可申请一次性助学金',
  documents: ['id_card', 'hukou_book', 'admission_letter'],
  parameters: [],
  basis: '福利彩票公益金资助项目；每学年的申请时间和金额以山西省民政厅当年的通知为准',
  evaluate(context) {
    return {
      criteria: [someMember(context, 'student', isAidedStudent, studentTexts)],
      monthlyAmount: null,
    }
  },
}

const studentTexts = {
  who: '名孤儿或事实无人抚养儿童考入了大学',
  no: '家中没有考入大学的孤儿或事实无人抚养儿童',
  unknown: '还不清楚家中的孤儿或事实无人抚养儿童是否考入大学，暂时无法判断',
}
