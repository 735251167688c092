export * from './schemas'
export { screen, benefitCatalogue } from './screen'
export { NoPolicyInForceError, NO_POLICY_IN_FORCE, POLICY_START, isNoPolicyInForce } from './errors'
export { todayInShanghai, SHANGHAI } from './today'
export { SHANXI_CITIES, CITY_CODES, cityName, type CityCode } from '../cities'
export { BENEFIT_IDS, CRITERION_IDS, type BenefitId, type CriterionId } from '../policy/rules'
export { TIERS, type Tier } from '../policy/logic'

/** Say it plainly wherever results are shown. */
export const SCREENING_DISCLAIMER = '自测结果仅供参考，以审核认定为准'
