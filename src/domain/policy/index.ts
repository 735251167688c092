/**
 * The policy domain: parameters as dated data, the 13 benefit rules, three-valued logic and exact
 * money. Pure TypeScript (zod and dayjs at most), so the app and the server run the same rules.
 */
export * from './household'
export * from './logic'
export * from './money'
export * from './parameters'
export { REGION_OVERRIDES, type RegionOverrides } from './parameters/overrides'
export { allInForce, parametersInForce, type ParametersInForce, type PolicyParameters } from './inForce'
export { BENEFIT_RULES, evaluateBenefits, type BenefitResult } from './rules'
export {
  BENEFIT_IDS,
  CRITERION_IDS,
  STANDARD,
  parameterIdsFor,
  type BenefitId,
  type BenefitRule,
  type Criterion,
  type CriterionId,
  type ParameterKey,
  type RuleContext,
  type RuleOutcome,
} from './rules/types'
