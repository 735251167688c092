// Text-to-value conversions that make PGlite and `pg` return the same JavaScript values.

const INT8 = 20
const DATE = 1082
const TIMESTAMP = 1114

/** int8 as a number when it fits exactly (counts, sums), otherwise a bigint; PGlite's own choice. */
function parseInt8(text: string): number | bigint {
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : BigInt(text)
}

/** A calendar date stays a `YYYY-MM-DD` string: turning it into a Date would shift it by the time zone. */
function parseDate(text: string): string {
  return text
}

/** timestamp without time zone is read as UTC on both (prefer timestamptz in migrations). */
function parseTimestamp(text: string): Date | string {
  const date = new Date(`${text.replace(' ', 'T')}Z`)
  return Number.isNaN(date.getTime()) ? text : date
}

export const typeParsers: Record<number, (text: string) => unknown> = {
  [INT8]: parseInt8,
  [DATE]: parseDate,
  [TIMESTAMP]: parseTimestamp,
}
