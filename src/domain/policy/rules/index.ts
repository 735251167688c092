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

/** The 13 benefit rules, in POLICY.md's order (a rule that reads another's tier asks for it by name). */
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

/** A benefit's name as residents know it: `dibao` → 最低生活保障. */
export function benefitName(id: BenefitId): string {
  return BENEFIT_RULES.find((rule) => rule.id === id)?.name ?? id
}

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
  /** Per area, each rule's parameters in force. */
  used: Record<Area, Record<BenefitId, ParameterInForce[]>>
  /** Per area, "城市低保标准 669 元". */
  standardText: Record<Area, string>
}

const AREA_NAMES: Record<Area, string> = { urban: '城市', rural: '农村' }

const prepared = new WeakMap<PolicyParameters, Prepared>()

function prepare(parameters: PolicyParameters): Prepared {
  let ready = prepared.get(parameters)
  if (!ready) {
    const values = Object.fromEntries(PARAMETER_IDS.map((id) => [id, exact(parameters[id].value)])) as Record<ParameterId, Exact>
    const usedIn = (area: Area) =>
      Object.fromEntries(BENEFIT_RULES.map((rule) => [rule.id, parameterIdsFor(rule.parameters, area).map((id) => parameters[id])])) as Record<BenefitId, ParameterInForce[]>
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

function contextFor(
  household: Household,
  parameters: PolicyParameters,
  { values, standardText }: Prepared,
  tierOf: (benefit: BenefitId) => Tier,
): RuleContext {
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
    tierOf,
  }
}

const orders = new WeakMap<readonly BenefitRule[], readonly BenefitRule[]>()

/**
 * The rules in an order where each comes after the rules it names in `dependsOn`, worked out once
 * for each list. Refuses a rule that depends on one not in the list, or a circle.
 */
function screeningOrder(rules: readonly BenefitRule[]): readonly BenefitRule[] {
  let order = orders.get(rules)
  if (!order) {
    const byId = new Map(rules.map((rule) => [rule.id, rule]))
    const placed: BenefitRule[] = []
    const visit = (rule: BenefitRule, path: readonly BenefitId[]) => {
      if (placed.includes(rule)) return
      if (path.includes(rule.id)) throw new Error(`benefit rules depend on each other in a circle: ${[...path, rule.id].join(' → ')}`)
      for (const id of rule.dependsOn ?? []) {
        const dependency = byId.get(id)
        if (!dependency) throw new Error(`${rule.id} depends on ${id}, which is not being screened`)
        visit(dependency, [...path, rule.id])
      }
      placed.push(rule)
    }
    for (const rule of rules) visit(rule, [])
    order = placed
    orders.set(rules, order)
  }
  return order
}

/**
 * Every benefit for a household, with the parameters in force: all of `rules` (the 13, in order,
 * unless a test gives them in another order), each with every criterion, its tier, monthly amount,
 * documents and the parameters it used. A rule that reads another's tier names it in `dependsOn`
 * and is screened after it, so the order of `rules` cannot change an answer.
 */
export function evaluateBenefits(household: Household, parameters: PolicyParameters, rules: readonly BenefitRule[] = BENEFIT_RULES): BenefitResult[] {
  const ready = prepare(parameters)
  const tiers = new Map<BenefitId, Tier>()
  const context = contextFor(household, parameters, ready, (benefit) => {
    const tier = tiers.get(benefit)
    if (tier === undefined) throw new Error(`a benefit rule reads the tier of ${benefit} without naming it in dependsOn`)
    return tier
  })
  const results = new Map<BenefitId, BenefitResult>()
  for (const rule of screeningOrder(rules)) {
    const { criteria, monthlyAmount, maxOneOffAmount } = rule.evaluate(context)
    const tier = tierOf(criteria)
    tiers.set(rule.id, tier)
    results.set(rule.id, {
      benefit: rule.id,
      name: rule.name,
      tier,
      criteria,
      monthlyAmount,
      maxOneOffAmount: maxOneOffAmount ?? null,
      documents: [...rule.documents],
      parameters: ready.used[context.area][rule.id].slice(),
    })
  }
  return rules.map((rule) => results.get(rule.id) as BenefitResult)
}
