import type { ParameterId } from './index'

/**
 * Policy parameters as dated data (openfisca style): each value applies from its date on, with the
 * unit, how sure we are of it (status) and where it comes from (source).
 */
export const PARAMETER_STATUSES = ['seed', 'national', 'illustrative'] as const
/** seed: published Shanxi figure; national: national guidance; illustrative: a placeholder a city must confirm. */
export type ParameterStatus = (typeof PARAMETER_STATUSES)[number]

export const SEED_SOURCE = 'Shanxi civil affairs, H1 2025 work report (2025-07-28)'
export const ILLUSTRATIVE_SOURCE = '示例标准，以当地民政部门公布为准'

/** One value of a parameter, in force from `from` (YYYY-MM-DD) until the next value's `from`. */
export interface DatedValue {
  readonly from: string
  readonly value: number
  readonly status: ParameterStatus
  readonly source: string
}

export interface ParameterDefinition {
  /** zh-CN name, as a resident or a policy officer would say it. */
  readonly name: string
  readonly unit: string
  /** Oldest first. */
  readonly values: readonly DatedValue[]
}

/** A parameter's value on a given date, with everything needed to show and check it. */
export interface ParameterInForce {
  readonly id: ParameterId
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly from: string
  readonly status: ParameterStatus
  readonly source: string
}

/** The value from 2025-01-01, when the parameters of this version of the screener begin. */
export const from2025 = (value: number, status: ParameterStatus, source: string): DatedValue[] => [
  { from: '2025-01-01', value, status, source },
]
