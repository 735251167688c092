// 申请编号: the short reference a person reads out on the phone (shared/API.md "Application reference"):
// `JX` + the Shanxi date of submission (YYYYMMDD) + `-` + 4 characters, e.g. `JX20261205-K7QM`.
// It is not a secret and grants nothing; the uuid stays the API's id.
import { z } from 'zod'
import { todayInShanghai } from '../time'

/** Digits and capitals without 0, 1, I and O, which are easily mistaken for one another. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const REFERENCE_SUFFIX_LENGTH = 4

export const ApplicationReferenceSchema = z.string().regex(/^JX\d{8}-[2-9A-HJ-NP-Z]{4}$/, '申请编号格式应为 JX + 8 位日期 + - + 4 个字符')
export type ApplicationReference = z.infer<typeof ApplicationReferenceSchema>

/**
 * The reference of an application submitted at `now`; `pick(n)` chooses an index below n (the server
 * passes a cryptographic random integer, so that references do not follow one another).
 */
export function applicationReference(now: Date, pick: (n: number) => number): ApplicationReference {
  const day = todayInShanghai(now).replace(/-/g, '')
  const suffix = Array.from({ length: REFERENCE_SUFFIX_LENGTH }, () => REFERENCE_ALPHABET[pick(REFERENCE_ALPHABET.length)]).join('')
  return `JX${day}-${suffix}`
}
