import { ScreeningRequestSchema, type ScreeningRequest } from '@/domain/screening'

/** POLICY.md's example request. */
const example = {
  date: '2025-08-01',
  region: { cityCode: '140100', area: 'urban' },
  hukouInShanxi: true,
  members: [
    {
      relation: 'self',
      age: 82,
      canWork: false,
      disabilityGrade: 0,
      disabilityKind: null,
      selfCare: 'partial',
      childStatus: null,
      careSetting: null,
      admittedToHigherEducation: null,
    },
  ],
  monthlyIncome: 800,
  financialAssets: 10000,
  hasExcludedProperty: false,
  rigidExpensesLast12Months: 0,
  hasCapableSupporter: false,
  suddenHardship: false,
}

/** The field paths at fault, as the server reports them ("members.0.age"). */
function pathsAtFault(body: unknown): string[] {
  const result = ScreeningRequestSchema.safeParse(body)
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

const self = example.members[0]

describe('ScreeningRequestSchema', () => {
  test("accepts POLICY.md's example", () => {
    expect(ScreeningRequestSchema.parse(example)).toEqual(example)
  })

  test('accepts every answer left out or null ("not sure"), except the region and the relation', () => {
    const minimal = { region: { cityCode: '141100', area: 'rural' }, members: [{ relation: 'other' }] }
    expect(ScreeningRequestSchema.safeParse(minimal).success).toBe(true)
    const allNull = Object.fromEntries(Object.keys(example).map((key) => [key, null]))
    const nulls = { ...allNull, region: example.region, members: [{ ...Object.fromEntries(Object.keys(self).map((k) => [k, null])), relation: 'self' }] }
    expect(ScreeningRequestSchema.safeParse(nulls).success).toBe(true)
  })

  test('accepts 1 to 20 members, and every Shanxi city', () => {
    expect(pathsAtFault({ ...example, members: Array(20).fill(self) })).toEqual([])
    for (const cityCode of ['140100', '140500', '141100']) expect(pathsAtFault({ ...example, region: { cityCode, area: 'rural' } })).toEqual([])
  })

  test.each([
    ['no members', { members: [] }, ['members']],
    ['21 members', { members: Array(21).fill(self) }, ['members']],
    ['a city outside Shanxi', { region: { cityCode: '110100', area: 'urban' } }, ['region.cityCode']],
    ['no region', { region: undefined }, ['region']],
    ['an unknown area', { region: { cityCode: '140100', area: 'suburban' } }, ['region.area']],
    ['no relation', { members: [{ age: 30 }] }, ['members.0.relation']],
    ['an age of 151', { members: [{ ...self, age: 151 }] }, ['members.0.age']],
    ['a negative age', { members: [{ ...self, age: -1 }] }, ['members.0.age']],
    ['a fractional age', { members: [{ ...self, age: 30.5 }] }, ['members.0.age']],
    ['a disability grade of 5', { members: [{ ...self, disabilityGrade: 5 }] }, ['members.0.disabilityGrade']],
    ['an unknown disability kind', { members: [{ ...self, disabilityKind: 'other' }] }, ['members.0.disabilityKind']],
    ['an unknown child status', { members: [{ ...self, childStatus: 'none' }] }, ['members.0.childStatus']],
    ['negative income', { monthlyIncome: -1 }, ['monthlyIncome']],
    ['income over 1e9', { monthlyIncome: 1e9 + 1 }, ['monthlyIncome']],
    ['income as text', { monthlyIncome: '800' }, ['monthlyIncome']],
    ['a fraction of a fen', { financialAssets: 100.001 }, ['financialAssets']],
    ['a boolean as text', { hukouInShanxi: 'yes' }, ['hukouInShanxi']],
    ['a date that does not exist', { date: '2025-02-30' }, ['date']],
    ['a date with a time', { date: '2025-08-01T00:00:00Z' }, ['date']],
    ['an unknown field', { monthlyincome: 800 }, ['']],
    ['an unknown member field', { members: [{ ...self, name: '王奶奶' }] }, ['members.0']],
  ])('refuses %s, naming the field', (_label, change, paths) => {
    expect(pathsAtFault({ ...example, ...change })).toEqual(paths)
  })

  test('refuses non-objects without throwing', () => {
    for (const body of [null, 'x', 42, [], {}]) expect(pathsAtFault(body).length).toBeGreaterThan(0)
  })

  test('money may be exactly 0 or 1e9', () => {
    const body: ScreeningRequest = { ...example, members: [{ relation: 'self' }], monthlyIncome: 0, financialAssets: 1e9 } as ScreeningRequest
    expect(pathsAtFault(body)).toEqual([])
  })
})
