import type { ParameterId } from './index'

/**
 * Policy parameters as dated data (openfisca style): each value applies from its date on, with the
 * unit, how sure we are of it (status) and the documents that give it (references).
 */
export const PARAMETER_STATUSES = ['seed', 'national', 'illustrative'] as const
/** seed: published Shanxi figure; national: national guidance; illustrative: a placeholder a city must confirm. */
export type ParameterStatus = (typeof PARAMETER_STATUSES)[number]

/** Where a value comes from, as openfisca's `reference`: enough for a policy officer to find and check it. */
export interface Reference {
  /** The document or report as titled where it was published. */
  readonly title: string
  /** Who issued it, or for a news report, who published it. */
  readonly issuer: string
  /** When it was issued or published, YYYY-MM-DD. */
  readonly date: string
  /** The passage that gives the value (in its sense; not a quotation). */
  readonly article?: string
  /** Where it can be read: only an address actually seen, never a guess. */
  readonly url?: string
  /** The report it was read in, when `url` is a report of the document rather than the document. */
  readonly via?: string
}

/** One value of a parameter, in force from `from` (YYYY-MM-DD) until the next value's `from`. */
export interface DatedValue {
  readonly from: string
  readonly value: number
  readonly status: ParameterStatus
  /** The documents that give this value; none when no published source is known (see `note`). */
  readonly references: readonly Reference[]
  /** True when a reference states `from`; false when no source gives a date and `from` is the screener's policy start. */
  readonly fromStated: boolean
  /** What a reader should know: why a national factor applies, that a value is a placeholder, why `from` is what it is. */
  readonly note?: string
}

export interface ParameterDefinition {
  /** zh-CN name, as a resident or a policy officer would say it. */
  readonly name: string
  readonly unit: string
  /** Oldest first. */
  readonly values: readonly DatedValue[]
}

/** A parameter's value on a given date, with everything needed to show and check it. */
export interface ParameterInForce extends DatedValue {
  readonly id: ParameterId
  readonly name: string
  readonly unit: string
  /** One line naming where the value comes from: its references, else its note. */
  readonly source: string
}

/** The day this version of the screener's parameters begin (POLICY.md): no value is in force before it. */
export const PARAMETERS_BEGIN = '2025-01-01'

export const ILLUSTRATIVE_NOTE = '示例标准，以当地民政部门公布为准'

/** A placeholder from the policy start, until a city publishes its own value. */
export const illustrative = (value: number): DatedValue[] => [
  { from: PARAMETERS_BEGIN, value, status: 'illustrative', references: [], fromStated: false, note: ILLUSTRATIVE_NOTE },
]

/** 中国发展网's report of Shanxi civil affairs' first half of 2025 (the figures POLICY.md calls seed). */
export const SHANXI_H1_2025_REPORT = {
  title: '山西民政工作上半年成效显著：兜底保障有力 养老服务提质',
  issuer: '中国发展网',
  date: '2025-07-28',
} as const satisfies Reference

/** The report gives the 2025 standards without the day they took effect. */
export const UNDATED_SOURCE_NOTE = `来源未写明执行日期，自本自测的政策起始日 ${PARAMETERS_BEGIN} 起采用`

/** `中国发展网《…》（2025-07-28）`: a reference in one line. */
export const referenceText = (reference: Reference): string => `${reference.issuer}《${reference.title}》（${reference.date}）`

/** The one-line source of a value: its references, else its note. */
export const sourceText = (value: DatedValue): string =>
  value.references.length > 0 ? value.references.map(referenceText).join('；') : (value.note ?? '')
