// Mainland mobile numbers: 11 digits, 13–19 first.
import { PHONE_MESSAGES, PhoneSchema, isMobilePhone, normalizePhone } from '@/domain/phone'

describe('mobile phone numbers', () => {
  test.each(['13812345678', '15935112233', '18603510000', '19903516677', '16612345678', '17012345678'])('accepts %s', (phone) => {
    expect(isMobilePhone(phone)).toBe(true)
    expect(PhoneSchema.parse(phone)).toBe(phone)
  })

  test('reads the number as typed: spaces, hyphens, full-width digits, +86', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678')
    expect(normalizePhone('138-1234-5678')).toBe('13812345678')
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678')
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678')
    expect(normalizePhone('008613812345678')).toBe('13812345678')
    expect(PhoneSchema.parse('+86 138-1234-5678')).toBe('13812345678')
  })

  test.each([
    ['12812345678', 'starts 12'],
    ['10012345678', 'starts 10'],
    ['1381234567', '10 digits'],
    ['138123456789', '12 digits'],
    ['03517654321', 'a Taiyuan landline'],
    ['1381234567a', 'a letter'],
    ['8613812345678', '86 without + or 00 is not taken as a country code'],
  ])('refuses %s (%s)', (phone) => {
    expect(isMobilePhone(phone)).toBe(false)
    const result = PhoneSchema.safeParse(phone)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toBe(PHONE_MESSAGES.format)
  })

  test('an empty field asks for the number', () => {
    expect(PhoneSchema.safeParse('  ').error?.issues[0].message).toBe(PHONE_MESSAGES.empty)
  })
})
