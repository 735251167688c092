import type { CityCode } from '../cities'
import { allInForce, parametersInForce, type PolicyParameters } from '../policy/inForce'
import type { RegionOverrides } from '../policy/parameters/overrides'
import { BENEFIT_RULES, evaluateBenefits, parameterIdsFor } from '../policy/rules'
import { NoPolicyInForceError } from './errors'
import type { BenefitCatalogue, ScreeningRequest, ScreeningResponse } from './schemas'

function policyOn(date: string, cityCode?: CityCode | null, overrides?: RegionOverrides): PolicyParameters {
  const parameters = parametersInForce(date, cityCode, overrides)
  if (!allInForce(parameters)) throw new NoPolicyInForceError(date)
  return parameters
}

/**
 * Screens a household (already checked by ScreeningRequestSchema) for all 13 benefits, on its
 * `date` or else on `today` (YYYY-MM-DD, see todayInShanghai). The same code runs in the app and
 * on the server. Throws NoPolicyInForceError for a date before the parameters begin. `overrides` replaces the
 * cities' own values (a test's city with a new standard dated ahead).
 */
export function screen(request: ScreeningRequest, today: string, overrides?: RegionOverrides): ScreeningResponse {
  const date = request.date ?? today
  return { date, results: evaluateBenefits(request, policyOn(date, request.region.cityCode, overrides)) }
}

/**
 * The benefit catalogue on a date: each benefit with its one-line description, the parameters in
 * force (both the urban and rural standards where it uses the dibao standard) and its documents.
 * Throws NoPolicyInForceError for a date before the parameters begin.
 */
export function benefitCatalogue(date: string, cityCode?: CityCode | null): BenefitCatalogue {
  const parameters = policyOn(date, cityCode)
  return {
    date,
    benefits: BENEFIT_RULES.map((rule) => ({
      id: rule.id,
      name: rule.name,
      description: rule.description,
      parameters: parameterIdsFor(rule.parameters).map((id) => parameters[id]),
      documents: [...rule.documents],
    })),
  }
}
