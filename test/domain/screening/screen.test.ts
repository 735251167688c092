import fc from 'fast-check'
import {
  BENEFIT_IDS,
  BenefitCatalogueSchema,
  NoPolicyInForceError,
  ScreeningRequestSchema,
  ScreeningResponseSchema,
  benefitCatalogue,
  isNoPolicyInForce,
  screen,
  todayInShanghai,
  type ScreeningRequest,
} from '@/domain/screening'
import { allInForce, parametersInForce } from '@/domain/policy/inForce'
import { BENEFIT_RULES, evaluateBenefits, type BenefitRule } from '@/domain/policy/rules'

const grandma: ScreeningRequest = {
  region: { cityCode: '140100', area: 'urban' },
  hukouInShanxi: true,
  members: [{ relation: 'self', age: 82, canWork: false, disabilityGrade: 0, selfCare: 'full' }],
  monthlyIncome: 400,
  financialAssets: 5000,
  hasExcludedProperty: false,
  rigidExpensesLast12Months: 0,
  hasCapableSupporter: false,
  suddenHardship: false,
}

const resultFor = (request: ScreeningRequest, benefit: string) => {
  const result = screen(request, '2025-08-01').results.find((r) => r.benefit === benefit)
  if (!result) throw new Error(`no result for ${benefit}`)
  return result
}

/** POLICY.md's criteria, in its order. */
const criteriaIds: Record<(typeof BENEFIT_IDS)[number], string[]> = {
  dibao: ['resident', 'income', 'assets', 'property'],
  tekun: ['resident', 'category', 'income', 'assets', 'supporter'],
  dibao_edge: ['resident', 'income', 'assets', 'property'],
  rigid_expense: ['resident', 'expenses', 'net_income', 'income_ceiling'],
  temporary_assistance: ['hardship'],
  high_age_allowance: ['resident', 'age80'],
  elderly_care_subsidy: ['older_dependent', 'low_income'],
  disability_living_subsidy: ['resident', 'disabled', 'low_income'],
  severe_disability_care_subsidy: ['resident', 'severe'],
  orphan_allowance: ['resident', 'orphan'],
  unattended_child_allowance: ['resident', 'unattended'],
  home_modification_subsidy: ['resident', 'elderly'],
  dream_scholarship: ['student'],
}

describe('screen', () => {
  const response = screen(grandma, '2025-08-01')

  test('answers all 13 benefits in POLICY.md order, each with every criterion in order', () => {
    expect(ScreeningResponseSchema.parse(response)).toEqual(response)
    expect(response.results.map((r) => r.benefit)).toEqual([...BENEFIT_IDS])
    for (const result of response.results) expect(result.criteria.map((c) => c.id)).toEqual(criteriaIds[result.benefit])
  })

  test('uses the date given, or else the caller’s today', () => {
    expect(response.date).toBe('2025-08-01')
    expect(screen({ ...grandma, date: '2025-03-15' }, '2025-08-01').date).toBe('2025-03-15')
  })

  test('explains each criterion in plain words with the numbers used', () => {
    const dibao = resultFor(grandma, 'dibao')
    expect(dibao.name).toBe('最低生活保障')
    expect(dibao.criteria.find((c) => c.id === 'income')?.text).toBe('家庭人均月收入 400 元，低于城市低保标准 669 元')
    expect(dibao.criteria.find((c) => c.id === 'assets')?.text).toContain('16056 元')
    const unknownIncome = resultFor({ ...grandma, monthlyIncome: null }, 'dibao')
    expect(unknownIncome.criteria.find((c) => c.id === 'income')).toEqual({
      id: 'income',
      met: null,
      text: '您还没有告诉我们家庭月收入，暂时无法判断',
    })
    const rural = resultFor({ ...grandma, region: { cityCode: '141000', area: 'rural' } }, 'dibao')
    expect(rural.criteria.find((c) => c.id === 'income')?.text).toBe('家庭人均月收入 400 元，低于农村低保标准 555 元')
  })

  test('lists the documents and the parameters each benefit used, with status and source', () => {
    const dibao = resultFor(grandma, 'dibao')
    expect(dibao.documents).toEqual(['id_card', 'hukou_book', 'income_proof', 'economic_check_authorization'])
    expect(dibao.parameters.map((p) => p.id)).toEqual(['dibao.standard.urban', 'dibao.asset_months'])
    expect(dibao.parameters[0]).toMatchObject({ value: 669, from: '2025-01-01', status: 'seed' })
    const rural = resultFor({ ...grandma, region: { cityCode: '141000', area: 'rural' } }, 'tekun')
    expect(rural.parameters.map((p) => p.id)).toEqual(['dibao.standard.rural', 'dibao.asset_months', 'tekun.living_factor'])
    expect(resultFor(grandma, 'high_age_allowance').parameters.every((p) => p.status === 'illustrative')).toBe(true)
    expect(resultFor(grandma, 'temporary_assistance').parameters).toEqual([])
  })

  test('gives a one-off maximum only for 适老化改造', () => {
    for (const result of response.results) {
      expect(result.maxOneOffAmount).toBe(result.benefit === 'home_modification_subsidy' ? 18000 : null)
    }
  })

  test('refuses a date before the policy begins with a typed error', () => {
    let thrown: unknown
    try {
      screen({ ...grandma, date: '2024-12-31' }, '2025-08-01')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(NoPolicyInForceError)
    expect(isNoPolicyInForce(thrown)).toBe(true)
    expect(thrown).toMatchObject({ code: 'no_policy_in_force', date: '2024-12-31' })
    expect(isNoPolicyInForce(new Error('other'))).toBe(false)
  })
})

describe('screen on any valid household (property-based)', () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
  const money = fc.integer({ min: 0, max: 100_000_00 }).map((fen) => fen / 100)
  const member = fc.record({
    relation: fc.constantFrom('self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'),
    age: maybe(fc.integer({ min: 0, max: 150 })),
    canWork: maybe(fc.boolean()),
    disabilityGrade: maybe(fc.integer({ min: 0, max: 4 })),
    disabilityKind: maybe(fc.constantFrom('physical', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple')),
    selfCare: maybe(fc.constantFrom('full', 'partial', 'none')),
    childStatus: maybe(fc.constantFrom('orphan', 'unattended')),
    careSetting: maybe(fc.constantFrom('family', 'institution')),
    admittedToHigherEducation: maybe(fc.boolean()),
  })
  const household = fc.record({
    date: maybe(fc.constantFrom('2025-01-01', '2025-08-01', '2027-12-31')),
    region: fc.record({ cityCode: fc.constantFrom('140100', '140600', '141100'), area: fc.constantFrom('urban', 'rural') }),
    hukouInShanxi: maybe(fc.boolean()),
    members: fc.array(member, { minLength: 1, maxLength: 20 }),
    monthlyIncome: maybe(money),
    financialAssets: maybe(money),
    hasExcludedProperty: maybe(fc.boolean()),
    rigidExpensesLast12Months: maybe(money),
    hasCapableSupporter: maybe(fc.boolean()),
    suddenHardship: maybe(fc.boolean()),
  })

  test('always answers the response schema, with whole-yuan amounts and a reason for every criterion', () => {
    fc.assert(
      fc.property(household, (body) => {
        const response = screen(ScreeningRequestSchema.parse(body), '2025-08-01')
        ScreeningResponseSchema.parse(response)
        for (const { criteria, monthlyAmount } of response.results) {
          expect(monthlyAmount === null || Number.isInteger(monthlyAmount)).toBe(true)
          for (const c of criteria) expect(c.text).toMatch(/\S/)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('gives the same answers whatever order the rules run in', () => {
    const parameters = parametersInForce('2025-08-01')
    if (!allInForce(parameters)) throw new Error('the policy is in force on 2025-08-01')
    const byBenefit = (rules: readonly BenefitRule[], request: ScreeningRequest) =>
      Object.fromEntries(evaluateBenefits(request, parameters, rules).map((result) => [result.benefit, result]))
    fc.assert(
      fc.property(household, fc.shuffledSubarray([...BENEFIT_RULES], { minLength: BENEFIT_RULES.length }), (body, reordered) => {
        const request = ScreeningRequestSchema.parse(body)
        expect(byBenefit(reordered, request)).toEqual(byBenefit(BENEFIT_RULES, request))
      }),
      { numRuns: 200 },
    )
  })

  test('a rule that reads a tier it does not name, or rules that need each other, are refused rather than guessed', () => {
    const parameters = parametersInForce('2025-08-01')
    if (!allInForce(parameters)) throw new Error('the policy is in force on 2025-08-01')
    const request = ScreeningRequestSchema.parse(grandma)
    const byId = Object.fromEntries(BENEFIT_RULES.map((rule) => [rule.id, rule]))
    const silent = { ...byId.elderly_care_subsidy, dependsOn: undefined }
    expect(() => evaluateBenefits(request, parameters, [silent, ...BENEFIT_RULES.filter((rule) => rule !== byId.elderly_care_subsidy)])).toThrow(
      'reads the tier of dibao without naming it in dependsOn',
    )
    const circular = { ...byId.dibao, dependsOn: ['elderly_care_subsidy' as const] }
    expect(() => evaluateBenefits(request, parameters, BENEFIT_RULES.map((rule) => (rule.id === 'dibao' ? circular : rule)))).toThrow('in a circle')
  })

  test('learning an unknown answer never turns "unlikely" into anything else', () => {
    fc.assert(
      fc.property(household, fc.boolean(), (body, hukou) => {
        const request = ScreeningRequestSchema.parse({ ...body, hukouInShanxi: null })
        const before = screen(request, '2025-08-01').results
        const after = screen({ ...request, hukouInShanxi: hukou }, '2025-08-01').results
        before.forEach((result, i) => {
          if (result.tier === 'unlikely') expect(after[i].tier).toBe('unlikely')
          if (result.tier === 'likely') expect(after[i].tier).toBe('likely')
        })
      }),
      { numRuns: 200 },
    )
  })
})

describe('benefitCatalogue', () => {
  test('lists the 13 benefits with the parameters in force and documents', () => {
    const catalogue = benefitCatalogue('2025-08-01')
    expect(BenefitCatalogueSchema.parse(catalogue)).toEqual(catalogue)
    expect(catalogue.benefits.map((b) => b.id)).toEqual([...BENEFIT_IDS])
    const dibao = catalogue.benefits[0]
    expect(dibao).toMatchObject({ name: '最低生活保障', documents: ['id_card', 'hukou_book', 'income_proof', 'economic_check_authorization'] })
    expect(dibao.description).toMatch(/\S/)
    expect(dibao.parameters.map((p) => [p.id, p.value])).toEqual([
      ['dibao.standard.urban', 669],
      ['dibao.standard.rural', 555],
      ['dibao.asset_months', 24],
    ])
    for (const benefit of catalogue.benefits) expect(benefit.description).not.toContain('\n')
  })

  test('refuses a date before the policy begins', () => {
    expect(() => benefitCatalogue('2024-12-31')).toThrow(NoPolicyInForceError)
  })
})

describe('todayInShanghai', () => {
  test('is the date in UTC+8', () => {
    expect(todayInShanghai(new Date('2025-07-31T15:59:59Z'))).toBe('2025-07-31')
    expect(todayInShanghai(new Date('2025-07-31T16:00:00Z'))).toBe('2025-08-01')
    expect(todayInShanghai(Date.UTC(2024, 11, 31, 16, 30))).toBe('2025-01-01')
  })
})
