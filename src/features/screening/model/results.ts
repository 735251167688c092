import { documentChecklist, type ChecklistItem } from '@/domain/documents'
import {
  isNoPolicyInForce,
  screen,
  type BenefitResult,
  type ScreeningRequest,
  type ScreeningResponse,
  type Tier,
} from '@/domain/screening'
import { memberCount, type Answers } from './answers'
import { walk } from './steps'

/**
 * The request the rules see: only the answers to the questions that are shown (a skipped
 * question's old answer does not count), unanswered and 不确定 both as null. Undefined until the
 * place is known, which the request cannot do without.
 */
export function toRequest(answers: Answers): ScreeningRequest | undefined {
  const { effective } = walk(answers)
  const { cityCode, area } = effective
  if (!cityCode || !area) return undefined
  const members = Array.from({ length: memberCount(effective) }, (_, index) => {
    const m = effective.members[index] ?? {}
    return {
      relation: index === 0 ? ('self' as const) : (m.relation ?? 'other'),
      age: m.age ?? null,
      canWork: m.canWork ?? null,
      disabilityGrade: m.disabilityGrade ?? null,
      disabilityKind: m.disabilityKind ?? null,
      selfCare: m.selfCare ?? null,
      // 都不是 and 不确定 both read as "not an orphan or unattended child" (POLICY.md: null).
      childStatus: m.childStatus === 'orphan' || m.childStatus === 'unattended' ? m.childStatus : null,
      careSetting: m.careSetting ?? null,
      admittedToHigherEducation: m.admittedToHigherEducation ?? null,
    }
  })
  return {
    region: { cityCode, area },
    hukouInShanxi: effective.hukouInShanxi ?? null,
    members,
    monthlyIncome: effective.monthlyIncome ?? null,
    financialAssets: effective.financialAssets ?? null,
    hasExcludedProperty: effective.hasExcludedProperty ?? null,
    rigidExpensesLast12Months: effective.rigidExpensesLast12Months ?? null,
    hasCapableSupporter: effective.hasCapableSupporter ?? null,
    suddenHardship: effective.suddenHardship ?? null,
  }
}

export type Screening =
  | { status: 'incomplete' }
  | { status: 'noPolicy' }
  | { status: 'screened'; response: ScreeningResponse; groups: Record<Tier, BenefitResult[]>; documents: ChecklistItem[] }

/** The results in three groups and one checklist of documents, computed in the app (works offline). */
export function screenAnswers(answers: Answers, today: string): Screening {
  const request = toRequest(answers)
  if (!request) return { status: 'incomplete' }
  let response: ScreeningResponse
  try {
    response = screen(request, today)
  } catch (error) {
    if (isNoPolicyInForce(error)) return { status: 'noPolicy' }
    throw error
  }
  const groups: Record<Tier, BenefitResult[]> = { likely: [], maybe: [], unlikely: [] }
  for (const result of response.results) groups[result.tier].push(result)
  const worthApplying = [...groups.likely, ...groups.maybe].map((result) => result.benefit)
  return { status: 'screened', response, groups, documents: documentChecklist(worthApplying) }
}

/** A parameter the benefit used is a placeholder a city must still confirm (示例标准). */
export const usesIllustrative = (result: BenefitResult): boolean => result.parameters.some((parameter) => parameter.status === 'illustrative')

/** Amounts are shown only where the benefit may be granted. */
export const showsAmount = (result: BenefitResult): boolean => result.tier !== 'unlikely'
