import type { DocumentId } from '../../documents'
import type { Area, Household, Member } from '../household'
import type { PolicyParameters } from '../inForce'
import type { Tier, Tri } from '../logic'
import type { Exact } from '../money'
import type { ParameterId } from '../parameters'

/** The 13 benefits, in POLICY.md's order. */
export const BENEFIT_IDS = [
  'dibao',
  'tekun',
  'dibao_edge',
  'rigid_expense',
  'temporary_assistance',
  'high_age_allowance',
  'elderly_care_subsidy',
  'disability_living_subsidy',
  'severe_disability_care_subsidy',
  'orphan_allowance',
  'unattended_child_allowance',
  'home_modification_subsidy',
  'dream_scholarship',
] as const
export type BenefitId = (typeof BENEFIT_IDS)[number]

/** Every criterion id POLICY.md gives, across the benefits. */
export const CRITERION_IDS = [
  'resident',
  'income',
  'assets',
  'property',
  'category',
  'supporter',
  'expenses',
  'net_income',
  'income_ceiling',
  'hardship',
  'age80',
  'older_dependent',
  'low_income',
  'disabled',
  'severe',
  'orphan',
  'unattended',
  'elderly',
  'student',
] as const
export type CriterionId = (typeof CRITERION_IDS)[number]

/** One test of a benefit: met (true), not met (false) or unknown (null), and why in plain words. */
export interface Criterion {
  id: CriterionId
  met: Tri
  text: string
}

/** The dibao standard for the household's area (城市 or 农村): resolved per household. */
export const STANDARD = 'dibao.standard'
export type ParameterKey = ParameterId | typeof STANDARD

/** The parameter ids a key stands for: the area's standard, or both when the area is not given. */
export function parameterIdsFor(keys: readonly ParameterKey[], area?: Area): ParameterId[] {
  return keys.flatMap((key): ParameterId[] => {
    if (key !== STANDARD) return [key]
    return area ? [`dibao.standard.${area}`] : ['dibao.standard.urban', 'dibao.standard.rural']
  })
}

/** What the rules see: the household, the parameters in force, and facts worked out once. */
export interface RuleContext {
  household: Household
  members: readonly Member[]
  /** N: the number of members. */
  size: number
  area: Area
  /** 城市 or 农村, for the texts. */
  areaName: string
  /** The standard as the texts say it: "城市低保标准 669 元". */
  standardText: string
  parameters: PolicyParameters
  /** Each parameter's value as an exact amount. */
  values: Record<ParameterId, Exact>
  /** S: the dibao standard for the area. */
  standard: Exact
  /** The household's monthly income, when known. */
  income: Exact | null
  /** P: monthly income per person, when known. */
  incomePerPerson: Exact | null
  /** A: financial assets per person, when known. */
  assetsPerPerson: Exact | null
  /** The tier of a benefit the rule names in `dependsOn`, for this household. */
  tierOf(benefit: BenefitId): Tier
}

export interface RuleOutcome {
  criteria: Criterion[]
  /** Whole yuan a month; null when it cannot be computed or no member qualifies. */
  monthlyAmount: number | null
  /** Whole yuan once; only for one-off grants. */
  maxOneOffAmount?: number
}

export interface BenefitRule {
  id: BenefitId
  /** zh-CN name. */
  name: string
  /** One plain zh-CN line: what it is and who it is for. */
  description: string
  documents: readonly DocumentId[]
  /** The parameters the rule reads. */
  parameters: readonly ParameterKey[]
  /** The benefits whose tiers the rule reads: they are screened first, whatever the order of the list. */
  dependsOn?: readonly BenefitId[]
  /** Where the benefit comes from, for one decided case by case (no parameter names its source). */
  basis?: string
  evaluate(context: RuleContext): RuleOutcome
}
