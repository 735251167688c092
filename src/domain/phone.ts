// 手机号: mainland China mobile numbers, 11 digits starting 13–19 (1[3-9]\d{9}).
import { z } from 'zod'

export const PHONE_MESSAGES = {
  empty: '请填写手机号码',
  format: '请填写 11 位手机号码（以 13–19 开头）',
} as const

const MOBILE = /^1[3-9]\d{9}$/

/**
 * What a person typed, as a number would be dialled: spaces and hyphens removed, full-width digits
 * turned into ASCII, and a leading +86 / 0086 country code dropped.
 */
export function normalizePhone(input: string): string {
  return input
    .replace(/[\s\u3000\-－()（）]/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/^(\+|＋|00)86(?=1\d{10}$)/, '')
}

export function isMobilePhone(input: string): boolean {
  return MOBILE.test(normalizePhone(input))
}

/** A mainland mobile number field, normalised (see {@link normalizePhone}). */
export const PhoneSchema = z
  .string({ message: PHONE_MESSAGES.empty })
  .max(30, { message: PHONE_MESSAGES.format })
  .transform((input, ctx) => {
    const value = normalizePhone(input)
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGES.empty })
      return z.NEVER
    }
    if (!MOBILE.test(value)) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGES.format })
      return z.NEVER
    }
    return value
  })
