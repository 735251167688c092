import { MoneySchema } from '@/domain/screening'

/** Why typed text is not an acceptable number; the strings say it in words (screening.errors). */
export type NumberProblem = 'empty' | 'notNumber' | 'notInteger' | 'negative' | 'tooManyDecimals' | 'outOfRange' | 'tooLarge'

export type Parsed = { ok: true; value: number } | { ok: false; problem: NumberProblem }

const FULL_WIDTH_DIGIT = /[０-９]/g
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/

/** What a person may type on a Chinese keyboard: full-width digits, a full-width point, thousands separators, spaces. */
export function normalise(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '')
}

function parse(text: string): { number: number; decimals: number } | NumberProblem {
  const clean = normalise(text)
  if (clean === '') return 'empty'
  if (!NUMBER.test(clean)) return 'notNumber'
  const number = Number(clean)
  if (!Number.isFinite(number)) return 'notNumber'
  if (number < 0) return 'negative'
  const decimals = clean.includes('.') ? clean.split('.')[1].replace(/0+$/, '').length : 0
  return { number, decimals }
}

/** A whole count within [min, max]: an age (0–150) or a household size (1–20). */
export function parseCount(text: string, min: number, max: number): Parsed {
  const parsed = parse(text)
  if (typeof parsed === 'string') return { ok: false, problem: parsed }
  if (parsed.decimals > 0) return { ok: false, problem: 'notInteger' }
  if (parsed.number < min || parsed.number > max) return { ok: false, problem: 'outOfRange' }
  return { ok: true, value: parsed.number }
}

/** An amount of money in yuan: at least 0, at most two decimals (fen), as the request's MoneySchema accepts. */
export function parseMoney(text: string): Parsed {
  const parsed = parse(text)
  if (typeof parsed === 'string') return { ok: false, problem: parsed }
  if (parsed.decimals > 2) return { ok: false, problem: 'tooManyDecimals' }
  const checked = MoneySchema.safeParse(parsed.number)
  if (!checked.success) return { ok: false, problem: 'tooLarge' }
  return { ok: true, value: checked.data }
}
