import type { DocumentId } from '../../documents'
import type { Area, Household } from '../household'
import type { PolicyParameters } from '../inForce'
import { tierOf, type Tier } from '../logic'
import { dividedBy, exact, type Exact } from '../money'
import { PARAMETER_IDS, type ParameterId, type ParameterInForce } from '../parameters'
import { dibao, dibaoEdge, rigidExpense, temporaryAssistance, tekun } from './assistance'
import { dreamScholarship, orphanAllowance, unattendedChildAllowance } from './children'
import { yuan } from './criteria'
import { disabilityLivingSubsidy, severeDisabilityCareSubsidy } from './disability'
import { elderlyCareSubsidy, highAgeAllowance, homeModificationSubsidy } from './elderly'
import { parameterIdsFor, type BenefitId, type BenefitRule, type Criterion, type RuleContext } from './types'

export * from './types'

/** The 13 benefit rules, in POLICY.md's order (later rules read earlier tiers). */
export const BENEFIT_RULES: readonly BenefitRule[] = [
  dibao,
  tekun,
  dibaoEdge,
  rigidExpense,
  temporaryAssistance,
  highAgeAllowance,
  elderlyCareSubsidy,
  disabilityLivingSubsidy,
  severeDisabilityCareSubsidy,
  orphanAllowance,
  unattendedChildAllowance,
  homeModificationSubsidy,
  dreamScholarship,
]

/** One benefit, screened. */
export interface BenefitResult {
  benefit: BenefitId
  name: string
  tier: Tier
  criteria: Criterion[]
  monthlyAmount: number | null
  maxOneOffAmount: number | null
  documents: DocumentId[]
  parameters: ParameterInForce[]
}

const amountOrNull = (value: number | null | undefined) => (value === null || value === undefined ? null : exact(value))

/** What depends only on the parameters in force, worked out once for each set of them. */
interface Prepared {
  values: Record<ParameterId, Exact>
  /** Per area, each rule's parameters in force, in BENEFIT_RULES order. */
  used: Record<Area, ParameterInForce[][]>
  /** Per area, "城市低保标准 669 元". */
  standardText: Record<Area, string>
}

const AREA_NAMES: Record<Area, string> = { urban: '城市', rural: '农村' }

const prepared = new WeakMap<PolicyParameters, Prepared>()

function prepare(parameters: PolicyParameters): Prepared {
  let ready = prepared.get(parameters)
  if (!ready) {
    const values = Object.fromEntries(PARAMETER_IDS.map((id) => [id, exact(parameters[id].value)])) as Record<ParameterId, Exact>
    const usedIn = (area: Area) => BENEFIT_RULES.map((rule) => parameterIdsFor(rule.parameters, area).map((id) => parameters[id]))
    const standardText = (area: Area) => `${AREA_NAMES[area]}低保标准 ${yuan(values[`dibao.standard.${area}`])}`
    ready = {
      values,
      used: { urban: usedIn('urban'), rural: usedIn('rural') },
      standardText: { urban: standardText('urban'), rural: standardText('rural') },
    }
    prepared.set(parameters, ready)
  }
  return ready
}

function contextFor(household: Household, parameters: PolicyParameters, { values, standardText }: Prepared): RuleContext {
  const size = household.members.length
  const income = amountOrNull(household.monthlyIncome)
  const assets = amountOrNull(household.financialAssets)
  const { area } = household.region
  return {
    household,
    members: household.members,
    size,
    area,
    areaName: AREA_NAMES[area],
    standardText: standardText[area],
    parameters,
    values,
    standard: values[`dibao.standard.${area}`],
    income,
    incomePerPerson: income && dividedBy(income, size),
    assetsPerPerson: assets && dividedBy(assets, size),
    tiers: {},
  }
}

/**
 * Every benefit for a household, with the parameters in force: all 13, in order, each with every
 * criterion, its tier, monthly amount, documents and the parameters it used.
 */
export function evaluateBenefits(household: Household, parameters: PolicyParameters): BenefitResult[] {
  const ready = prepare(parameters)
  const context = contextFor(household, parameters, ready)
  return BENEFIT_RULES.map((rule, index) => {
    const { criteria, monthlyAmount, maxOneOffAmount } = rule.evaluate(context)
    const tier = tierOf(criteria)
    context.tiers[rule.id] = tier
    return {
      benefit: rule.id,
      name: rule.name,
      tier,
      criteria,
      monthlyAmount,
      maxOneOffAmount: maxOneOffAmount ?? null,
      documents: [...rule.documents],
      parameters: ready.used[context.area][index].slice(),
    }
  })
}
