// Resident ID numbers (GB 11643-1999): the check character catches every single-character mistake and
// every swap of two neighbouring characters; birth date and sex come out of the number.
import fc from 'fast-check'
import { ID_NUMBER_MESSAGES, IdNumberSchema, ageOn, idCheckCharacter, normalizeIdNumber, parseIdNumber } from '@/domain/identity'

const TODAY = '2026-03-01'

/**
 * The check character computed independently of the code under test, straight from the standard:
 * weights 2^(17−i) mod 11, check value (12 − Σ mod 11) mod 11, 10 written X.
 */
function referenceCheck(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  const value = (12 - (sum % 11)) % 11
  return value === 10 ? 'X' : String(value)
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** Region codes: Shanxi's counties where our residents live, and a few from elsewhere. */
const REGIONS = ['140105', '140106', '140107', '140108', '140202', '140311', '140402', '140525', '140602', '140702', '140802', '140902', '141002', '141102', '110105', '440305', '650102']

/** A valid ID number: a region, a birth date from 1900 to `TODAY`, a sequence, the check character. */
const validIdNumber = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const first17 = `${region}${pad(birth.getUTCFullYear(), 4)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(sequence, 3)}`
    return {
      idNumber: first17 + referenceCheck(first17),
      birthDate: birth.toISOString().slice(0, 10),
      sex: sequence % 2 === 1 ? 'male' : 'female',
    }
  })

const DIGITS = '0123456789'

describe('parseIdNumber', () => {
  test('accepts the standard’s own example and Shanxi residents’ numbers, with birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    })
    // 王淑芬, 太原市小店区, born 31 December 1949.
    expect(parseIdNumber('140105194912310025', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1949-12-31', sex: 'female' } })
    // 李建国, 太原市杏花岭区, born 4 July 1983: 17th digit 1, a man.
    expect(parseIdNumber('140107198307042510', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1983-07-04', sex: 'male' } })
    // 赵满仓, born 1 January 1970, check character X.
    expect(parseIdNumber('14020319700101001X', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1970-01-01', sex: 'male' } })
    // Born on 29 February 1940, a leap year.
    expect(parseIdNumber('141102194002290311', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1940-02-29' } })
  })

  test('reads the number as typed: lower-case x, spaces, full-width digits', () => {
    expect(normalizeIdNumber(' 1402 0319 7001 0100 1x ')).toBe('14020319700101001X')
    expect(parseIdNumber('１４０１０５１９４９１２３１００２５', TODAY)).toMatchObject({ ok: true, value: { idNumber: '140105194912310025' } })
    expect(IdNumberSchema.parse('14020319700101001x')).toBe('14020319700101001X')
  })

  test('refuses 15-digit numbers with a message that says what to do', () => {
    const result = parseIdNumber('140105491231002', TODAY)
    expect(result).toEqual({ ok: false, problem: 'fifteen_digits', message: ID_NUMBER_MESSAGES.fifteen_digits })
    expect(ID_NUMBER_MESSAGES.fifteen_digits).toContain('18 位')
  })

  test.each([
    ['', 'empty'],
    ['14010519491231002', 'format'],
    ['1401051949123100251', 'format'],
    ['1401051949123100X5', 'format'],
    ['14010519491231002A', 'format'],
    ['010105194912310025', 'region'],
    ['910105194912310029', 'region'],
    ['140105194902300018', 'birth_date'],
    ['140105188912310021', 'birth_date'],
    ['140105202611240016', 'future_birth_date'],
    ['140105194912310024', 'check_digit'],
  ])('refuses %j (%s)', (input, problem) => {
    const result = parseIdNumber(input, TODAY)
    expect(result).toMatchObject({ ok: false, problem })
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('a birth date on today is accepted, tomorrow is not', () => {
    expect(parseIdNumber('140105202603010018', TODAY).ok).toBe(true)
    expect(parseIdNumber('140105202603010018', '2026-02-28')).toMatchObject({ ok: false, problem: 'future_birth_date' })
  })

  test('the schema gives the reason as its message', () => {
    const result = IdNumberSchema.safeParse('140105491231002')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toBe(ID_NUMBER_MESSAGES.fifteen_digits)
  })
})

describe('the check character (ISO 7064 MOD 11-2)', () => {
  test('matches the standard for generated numbers, and valid numbers are accepted with their birth date and sex', () => {
    fc.assert(
      fc.property(validIdNumber, ({ idNumber, birthDate, sex }) => {
        expect(idCheckCharacter(idNumber.slice(0, 17))).toBe(idNumber[17])
        expect(parseIdNumber(idNumber, TODAY)).toEqual({ ok: true, value: { idNumber, regionCode: idNumber.slice(0, 6), birthDate, sex } })
      }),
      { numRuns: 500 },
    )
  })

  test('every single-character change of a valid number is refused', () => {
    fc.assert(
      fc.property(validIdNumber, ({ idNumber }) => {
        const accepted: string[] = []
        for (let position = 0; position < 18; position += 1) {
          const alphabet = position === 17 ? `${DIGITS}X` : DIGITS
          for (const replacement of alphabet) {
            if (replacement === idNumber[position]) continue
            const changed = idNumber.slice(0, position) + replacement + idNumber.slice(position + 1)
            if (parseIdNumber(changed, TODAY).ok) accepted.push(changed)
          }
        }
        expect(accepted).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  test('every swap of two neighbouring characters that changes a valid number is refused', () => {
    fc.assert(
      fc.property(validIdNumber, ({ idNumber }) => {
        const accepted: string[] = []
        for (let position = 0; position < 17; position += 1) {
          if (idNumber[position] === idNumber[position + 1]) continue
          const swapped = idNumber.slice(0, position) + idNumber[position + 1] + idNumber[position] + idNumber.slice(position + 2)
          if (parseIdNumber(swapped, TODAY).ok) accepted.push(swapped)
        }
        expect(accepted).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})

describe('ageOn', () => {
  test('counts whole years, the birthday included', () => {
    expect(ageOn('1949-12-31', '2026-03-01')).toBe(76)
    expect(ageOn('2008-03-01', '2026-03-01')).toBe(18)
    expect(ageOn('2008-03-02', '2026-03-01')).toBe(17)
    // Born on 29 February: a year older on 1 March in a common year.
    expect(ageOn('1940-02-29', '2026-02-28')).toBe(85)
    expect(ageOn('1940-02-29', '2026-03-01')).toBe(86)
  })
})
