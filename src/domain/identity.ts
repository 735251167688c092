// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men),
// and a check character (ISO 7064 MOD 11-2, X standing for 10). Used by the application form and the server.
import dayjs from 'dayjs'
import { z } from 'zod'
import { todayInShanghai } from './time'

export type Sex = 'male' | 'female'

/** What an ID number says about its holder. */
export interface ResidentId {
  /** Normalised: 18 characters, the final X upper-case. */
  idNumber: string
  /** The 6-digit administrative division code where the number was issued (e.g. 140105, 太原市小店区). */
  regionCode: string
  /** YYYY-MM-DD. */
  birthDate: string
  /** The 17th digit: odd for men, even for women. */
  sex: Sex
}

export type IdNumberProblem = 'empty' | 'fifteen_digits' | 'format' | 'region' | 'birth_date' | 'future_birth_date' | 'check_digit'

export type IdNumberResult = { ok: true; value: ResidentId } | { ok: false; problem: IdNumberProblem; message: string }

/** The messages shown next to the field (zh-CN). */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号码',
  fifteen_digits: '这是 15 位的旧身份证号码，请填写现在使用的 18 位号码（可在户口簿或新身份证上找到）',
  format: '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X',
  region: '身份证号码的前两位（省份代码）不正确，请核对',
  birth_date: '身份证号码中的出生日期（第 7–14 位）不是有效日期，请核对',
  future_birth_date: '身份证号码中的出生日期晚于今天，请核对',
  check_digit: '身份证号码有误（校验位不符），请逐位核对',
}

/** Weights of the first 17 digits: 2^(17−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARACTERS = '10X98765432'
/** Earliest birth year taken as plausible. */
const EARLIEST_BIRTH_YEAR = 1890

/**
 * The check character for the first 17 digits (ISO 7064 MOD 11-2): `(12 − Σ digitᵢ × weightᵢ mod 11) mod 11`,
 * written `X` for 10.
 */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARACTERS[sum % 11]
}

/**
 * What a person typed, as an ID number would be compared: spaces removed, full-width digits and
 * `Ｘ`/`x` turned into ASCII, the final X upper-case.
 */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\s\u3000]/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X')
}

/** YYYYMMDD names a real day: dayjs rolls 19490231 over to March, so format it back and compare. */
function isCalendarDate(text: string): boolean {
  const parsed = dayjs(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`)
  return parsed.isValid() && parsed.format('YYYYMMDD') === text
}

/**
 * Checks an ID number and derives the birth date and sex from it. `today` (YYYY-MM-DD, default today
 * in Asia/Shanghai) bounds the birth date.
 */
export function parseIdNumber(input: string, today: string = todayInShanghai()): IdNumberResult {
  const refuse = (problem: IdNumberProblem): IdNumberResult => ({ ok: false, problem, message: ID_NUMBER_MESSAGES[problem] })
  const value = normalizeIdNumber(input)
  if (value === '') return refuse('empty')
  if (/^\d{15}$/.test(value)) return refuse('fifteen_digits')
  if (!/^\d{17}[\dX]$/.test(value)) return refuse('format')
  const province = Number(value.slice(0, 2))
  if (province < 11 || province > 82) return refuse('region')
  const birth = value.slice(6, 14)
  if (Number(birth.slice(0, 4)) < EARLIEST_BIRTH_YEAR || !isCalendarDate(birth)) return refuse('birth_date')
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`
  if (birthDate > today) return refuse('future_birth_date')
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return refuse('check_digit')
  return {
    ok: true,
    value: { idNumber: value, regionCode: value.slice(0, 6), birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' },
  }
}

/** Whole years of age on `date` (YYYY-MM-DD) for someone born on `birthDate`; born on 29 Feb, a year passes on 1 Mar. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = date.split('-').map(Number)
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

/**
 * A resident ID number field: normalised (see {@link normalizeIdNumber}) and checked, with the
 * reason in zh-CN when it is refused. The birth date is checked against today in Asia/Shanghai.
 */
export const IdNumberSchema = z
  .string({ message: ID_NUMBER_MESSAGES.empty })
  .max(40, { message: ID_NUMBER_MESSAGES.format })
  .transform((input, ctx) => {
    const result = parseIdNumber(input)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message, params: { problem: result.problem } })
      return z.NEVER
    }
    return result.value.idNumber
  })
