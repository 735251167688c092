import type { Member } from '../household'
import { countTrue, isLikely, or, some, type Tri } from '../logic'
import { compare, exact, formatYuan, plus, roundHalfUp, times, type Exact } from '../money'
import type { ParameterId } from '../parameters'
import type { BenefitId, Criterion, CriterionId, RuleContext } from './types'

/** What a criterion says when it is met, not met, or unknown. */
export interface Texts {
  yes: string
  no: string
  unknown: string
}

const pick = (met: Tri, texts: Texts): string => (met === null ? texts.unknown : met ? texts.yes : texts.no)

/** A yes/no answer that meets the criterion when it equals `wanted`. */
export function answerIs(id: CriterionId, answer: boolean | null | undefined, wanted: boolean, texts: Texts): Criterion {
  const met = answer === null || answer === undefined ? null : answer === wanted
  return { id, met, text: pick(met, texts) }
}

/** What a "some member" criterion says: met reads "家中有 {count} {who}". */
export interface MemberTexts {
  who: string
  no: string
  unknown: string
}

/** "Some member …": an OR over the members of a fact about each. */
export function someMember(context: RuleContext, id: CriterionId, fact: (member: Member) => Tri, texts: MemberTexts): Criterion {
  const met = some(context.members, fact)
  const text = met === true ? `家中有 ${countTrue(context.members, fact)} ${texts.who}` : met === false ? texts.no : texts.unknown
  return { id, met, text }
}

/** An amount for the texts: "669 元", "约 668.67 元". */
export const yuan = (amount: Exact | number): string => `${formatYuan(typeof amount === 'number' ? exact(amount) : amount)} 元`

/** A parameter's value in force, exactly. */
export const valueOf = (context: RuleContext, id: ParameterId): Exact => context.values[id]

const residentTexts: Texts = {
  yes: '户籍在山西省',
  no: '户籍不在山西省，请向户籍所在地的民政部门咨询',
  unknown: '您还没有告诉我们户籍是否在山西省，暂时无法判断',
}

/** [resident] 户籍在山西. */
export const resident = (context: RuleContext): Criterion =>
  answerIs('resident', context.household.hukouInShanxi, true, residentTexts)

export const INCOME_UNKNOWN = '您还没有告诉我们家庭月收入，暂时无法判断'

/** [income] P < S: monthly income per person below the dibao standard. */
export function incomeBelowStandard(context: RuleContext): Criterion {
  const { incomePerPerson: income, standard, standardText } = context
  if (!income) return { id: 'income', met: null, text: INCOME_UNKNOWN }
  const met = compare(income, standard) < 0
  return { id: 'income', met, text: `家庭人均月收入 ${yuan(income)}，${met ? '低于' : '不低于'}${standardText}` }
}

/** [income] S ≤ P ≤ factor × S: income per person from the dibao standard up to its multiple. */
export function incomeNearStandard(context: RuleContext, factorId: ParameterId): Criterion {
  const { incomePerPerson: income, standard, areaName, standardText } = context
  if (!income) return { id: 'income', met: null, text: INCOME_UNKNOWN }
  const factor = context.parameters[factorId].value
  const ceiling = times(standard, context.values[factorId])
  const said = `家庭人均月收入 ${yuan(income)}，`
  if (compare(income, standard) < 0) {
    return { id: 'income', met: false, text: `${said}低于${standardText}，可先看低保` }
  }
  return compare(income, ceiling) <= 0
    ? { id: 'income', met: true, text: `${said}在${standardText}到其 ${factor} 倍 ${yuan(ceiling)}之间` }
    : { id: 'income', met: false, text: `${said}超过${areaName}低保标准的 ${factor} 倍 ${yuan(ceiling)}` }
}

/** [assets] A ≤ L = S × months: financial assets per person within the limit. */
export function assetsWithinLimit(context: RuleContext): Criterion {
  const { assetsPerPerson: assets, standard, areaName } = context
  if (!assets) return { id: 'assets', met: null, text: '您还没有告诉我们家庭的存款等金融资产，暂时无法判断' }
  const months = context.parameters['dibao.asset_months'].value
  const limit = times(standard, context.values['dibao.asset_months'])
  const met = compare(assets, limit) <= 0
  return {
    id: 'assets',
    met,
    text: `家庭人均存款等金融资产 ${yuan(assets)}，${met ? '不超过' : '超过'}${areaName}低保标准 ${months} 个月的合计 ${yuan(limit)}`,
  }
}

const propertyTexts: Texts = {
  yes: '家庭没有机动车、多套住房等影响认定的财产',
  no: '家庭有机动车、多套住房等财产，一般不符合条件',
  unknown: '您还没有告诉我们家庭是否有机动车、多套住房等财产，暂时无法判断',
}

/** [property] no car, second home or other property that rules dibao out. */
export const noExcludedProperty = (context: RuleContext): Criterion =>
  answerIs('property', context.household.hasExcludedProperty, false, propertyTexts)

/** [low_income] one of the named benefits is likely: true if any is, false if all are unlikely. */
export function lowIncome(context: RuleContext, benefits: readonly BenefitId[], label: string): Criterion {
  let met: Tri = false
  for (const benefit of benefits) met = or(met, isLikely(context.tierOf(benefit)))
  const text = met === true ? `家庭可能符合${label}条件` : met === false ? `家庭暂不符合${label}条件` : `家庭是否符合${label}条件还需进一步确认`
  return { id: 'low_income', met, text }
}

/**
 * A monthly amount summed over the members who qualify (the fact is known to hold): `amountOf`
 * gives such a member's amount, or null when it is unknown (then the whole amount is unknown).
 * Null when no member qualifies, never 0.
 */
export function perMember(
  context: RuleContext,
  qualifies: (member: Member) => Tri,
  amountOf: (context: RuleContext, member: Member) => Exact | null,
): number | null {
  let total: Exact | null = null
  for (const member of context.members) {
    if (qualifies(member) !== true) continue
    const amount = amountOf(context, member)
    if (amount === null) return null
    total = total ? plus(total, amount) : amount
  }
  return total ? roundHalfUp(total) : null
}

/** The same parameter amount for every member who qualifies. */
export const each =
  (id: ParameterId) =>
  (context: RuleContext): Exact =>
    context.values[id]

/** Whole yuan: round half up on the exact value. */
export const wholeYuan = (amount: Exact): Exact => exact(roundHalfUp(amount))
