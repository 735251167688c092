import type { CityCode } from '../cities'
import { PARAMETERS, PARAMETER_IDS, sourceText, type DatedValue, type ParameterId, type ParameterInForce } from './parameters'
import { REGION_OVERRIDES, type RegionOverrides } from './parameters/overrides'

/** The parameters in force on a date: only those whose first value has begun by then. */
export type ParametersInForce = Partial<Record<ParameterId, ParameterInForce>>
/** Every parameter, in force. */
export type PolicyParameters = Record<ParameterId, ParameterInForce>

/** The latest value whose `from` is on or before the date (ISO dates compare as strings). */
function valueOn(values: readonly DatedValue[] | undefined, date: string): DatedValue | undefined {
  let inForce: DatedValue | undefined
  for (const value of values ?? []) if (value.from <= date && (!inForce || value.from >= inForce.from)) inForce = value
  return inForce
}

/**
 * The parameters in force on `date` (YYYY-MM-DD) in a city: the city's own value where it has one in
 * force, otherwise the provincial one. Parameters that have not begun by `date` are absent.
 */
export function parametersInForce(
  date: string,
  cityCode?: CityCode | null,
  overrides: RegionOverrides = REGION_OVERRIDES,
): ParametersInForce {
  if (overrides !== REGION_OVERRIDES) return lookUp(date, cityCode, overrides)
  // The published parameters never change while the code runs: look each date and city up once
  // (the answers are frozen, so sharing them is safe).
  const key = `${date}|${cityCode ?? ''}`
  let inForce = cache.get(key)
  if (!inForce) {
    if (cache.size >= 512) cache.clear()
    inForce = lookUp(date, cityCode, overrides)
    cache.set(key, inForce)
  }
  return inForce
}

const cache = new Map<string, ParametersInForce>()

function lookUp(date: string, cityCode: CityCode | null | undefined, overrides: RegionOverrides): ParametersInForce {
  const regional = cityCode ? overrides[cityCode] : undefined
  const result: ParametersInForce = {}
  for (const id of PARAMETER_IDS) {
    const { name, unit, values } = PARAMETERS[id]
    const value = valueOn(regional?.[id], date) ?? valueOn(values, date)
    if (value) result[id] = Object.freeze({ id, name, unit, ...value, source: sourceText(value) })
  }
  return Object.freeze(result)
}

/** True when every parameter the screener needs is in force. */
export function allInForce(parameters: ParametersInForce): parameters is PolicyParameters {
  return PARAMETER_IDS.every((id) => parameters[id] !== undefined)
}
