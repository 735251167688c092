import type { CityCode } from '../../cities'
import type { ParameterId } from './index'
import type { DatedValue } from './types'

/**
 * A city's own values for a parameter (e.g. 太原市's dibao standard), oldest first. While one of a
 * city's values is in force it replaces the provincial value; before its first `from` the
 * provincial value applies.
 */
export type RegionOverrides = Partial<Record<CityCode, Partial<Record<ParameterId, readonly DatedValue[]>>>>

/** No city has published its own values yet. */
export const REGION_OVERRIDES: RegionOverrides = {}
