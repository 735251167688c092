/**
 * The screening cases as data (test/fixtures/screening-cases/*.json), run through the same
 * schema and screener as the app and the server. Each case names a household a policy officer can
 * check by hand and the expected tier and monthly amount for the benefits it is about.
 */
import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { z } from 'zod'
import {
  BENEFIT_IDS,
  CRITERION_IDS,
  NO_POLICY_IN_FORCE,
  ScreeningRequestSchema,
  ScreeningResponseSchema,
  TIERS,
  isNoPolicyInForce,
  screen,
} from '@/domain/screening'

const ExpectationSchema = z.strictObject({
  tier: z.enum(TIERS),
  monthlyAmount: z.number().nullable(),
  maxOneOffAmount: z.number().nullable().optional(),
  criteria: z.partialRecord(z.enum(CRITERION_IDS), z.boolean().nullable()).optional(),
})

const CaseSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().min(1),
    date: z.string().optional(),
    /** The caller's today, when the case leaves the date out. */
    today: z.string().optional(),
    household: z.record(z.string(), z.unknown()),
    expected: z.partialRecord(z.enum(BENEFIT_IDS), ExpectationSchema).optional(),
    expectedError: z.literal(NO_POLICY_IN_FORCE).optional(),
  })
  .refine((c) => (c.expected === undefined) !== (c.expectedError === undefined), 'a case expects results or an error')

const CaseFileSchema = z.strictObject({ description: z.string(), cases: z.array(CaseSchema).min(1) })

const directory = join(__dirname, '../../fixtures/screening-cases')
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...CaseFileSchema.parse(JSON.parse(readFileSync(join(directory, file), 'utf8'))) }))
const allCases = files.flatMap(({ cases }) => cases)

const DEFAULT_TODAY = '2025-08-01'

describe.each(files)('$file: $description', ({ cases }) => {
  test.each(cases)('$name', (testCase) => {
    const request = ScreeningRequestSchema.parse({ ...testCase.household, date: testCase.date })
    const run = () => screen(request, testCase.today ?? DEFAULT_TODAY)

    if (testCase.expectedError) {
      let thrown: unknown
      try {
        run()
      } catch (error) {
        thrown = error
      }
      expect(isNoPolicyInForce(thrown)).toBe(true)
      return
    }

    const response = ScreeningResponseSchema.parse(run())
    for (const [benefit, expected] of Object.entries(testCase.expected ?? {})) {
      const result = response.results.find((r) => r.benefit === benefit)
      const actual = {
        tier: result?.tier,
        monthlyAmount: result?.monthlyAmount,
        ...(expected.maxOneOffAmount !== undefined && { maxOneOffAmount: result?.maxOneOffAmount }),
        ...(expected.criteria && {
          criteria: Object.fromEntries(Object.keys(expected.criteria).map((id) => [id, result?.criteria.find((c) => c.id === id)?.met])),
        }),
      }
      expect({ benefit, ...actual }).toEqual({ benefit, ...expected })
    }
  })
})

describe('the case files as a whole', () => {
  test('cover every benefit in each of its three tiers', () => {
    const seen = new Set(allCases.flatMap((c) => Object.entries(c.expected ?? {}).map(([benefit, e]) => `${benefit}:${e.tier}`)))
    const missing = BENEFIT_IDS.flatMap((benefit) => TIERS.map((tier) => `${benefit}:${tier}`)).filter((key) => !seen.has(key))
    expect(missing).toEqual([])
  })

  test('cover both areas and the no-policy date', () => {
    const areas = new Set(allCases.map((c) => (c.household.region as { area?: string } | undefined)?.area))
    expect([...areas].sort()).toEqual(['rural', 'urban'])
    expect(allCases.some((c) => c.expectedError === NO_POLICY_IN_FORCE)).toBe(true)
  })

  test('have unique names', () => {
    const names = allCases.map((c) => c.name)
    expect(names.length).toBeGreaterThanOrEqual(80)
    expect(new Set(names).size).toBe(names.length)
  })
})
