// The public pre-screen over HTTP: GET /api/v1/benefits and POST /api/v1/screening. The server must
// answer exactly what the app computes in-process, for every case file, and answer every malformed
// household with 400 and the fields at fault. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ApiErrorBodySchema } from '@/domain/api'
import {
  BENEFIT_IDS,
  BenefitCatalogueSchema,
  CRITERION_IDS,
  NO_POLICY_IN_FORCE,
  ScreeningRequestSchema,
  ScreeningResponseSchema,
  TIERS,
  benefitCatalogue,
  isNoPolicyInForce,
  screen,
} from '@/domain/screening'
import { healthRoutes } from '../../server/routes/health'
import { screeningRoutesWith } from '../../server/routes/screening'
import { dbKinds } from './helpers/databases'
import { startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(120_000)

// ---- the case files, as test/domain/screening/cases.test.ts reads them ----

const ExpectationSchema = z.strictObject({
  tier: z.enum(TIERS),
  monthlyAmount: z.number().nullable(),
  maxOneOffAmount: z.number().nullable().optional(),
  criteria: z.partialRecord(z.enum(CRITERION_IDS), z.boolean().nullable()).optional(),
})

const CaseSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  date: z.string().optional(),
  today: z.string().optional(),
  household: z.record(z.string(), z.unknown()),
  expected: z.partialRecord(z.enum(BENEFIT_IDS), ExpectationSchema).optional(),
  expectedError: z.literal(NO_POLICY_IN_FORCE).optional(),
})
type ScreeningCase = z.infer<typeof CaseSchema>

const CaseFileSchema = z.strictObject({ description: z.string(), cases: z.array(CaseSchema).min(1) })

const caseDirectory = path.join(__dirname, '../fixtures/screening-cases')
const caseFiles = readdirSync(caseDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...CaseFileSchema.parse(JSON.parse(readFileSync(path.join(caseDirectory, file), 'utf8'))) }))

/** The caller's today when a case names none (as the domain test uses). */
const DEFAULT_TODAY = '2025-08-01'

/** Noon in Shanxi on a calendar day: the server's clock for "today". */
const noonInShanxi = (day: string) => new Date(`${day}T12:00:00+08:00`)

/** What the app computes for a case, in-process: the response, or the domain's error. */
function inProcess(body: Record<string, unknown>, today: string): { response?: unknown; error?: unknown } {
  try {
    return { response: JSON.parse(JSON.stringify(screen(ScreeningRequestSchema.parse(body), today))) }
  } catch (error) {
    return { error }
  }
}

function bodyOf(testCase: ScreeningCase): Record<string, unknown> {
  return testCase.date === undefined ? testCase.household : { ...testCase.household, date: testCase.date }
}

/** A plausible household: 王奶奶, 82, alone in Taiyuan, no income. Malformed variants are built from it. */
function grandmaWang(): Record<string, unknown> {
  return {
    date: '2025-08-01',
    region: { cityCode: '140100', area: 'urban' },
    hukouInShanxi: true,
    members: [{ relation: 'self', age: 82, canWork: false, disabilityGrade: 0, disabilityKind: null, selfCare: 'full', childStatus: null, careSetting: null, admittedToHigherEducation: null }],
    monthlyIncome: 0,
    financialAssets: 5000,
    hasExcludedProperty: false,
    rigidExpensesLast12Months: 0,
    hasCapableSupporter: false,
    suddenHardship: false,
  }
}

function withMember(changes: Record<string, unknown>, index = 0): Record<string, unknown> {
  const household = grandmaWang()
  const members = [...(household.members as Record<string, unknown>[])]
  while (members.length <= index) members.push({ relation: 'spouse', age: 80 })
  members[index] = { ...members[index], ...changes }
  return { ...household, members }
}

function without(key: string): Record<string, unknown> {
  const household = grandmaWang()
  delete household[key]
  return household
}

const aMember = { relation: 'child', age: 40, canWork: true }

/** Each malformed household and the paths the 400 must name (sorted). */
const malformedHouseholds: { what: string; body: unknown; paths: string[] }[] = [
  { what: 'age as text', body: withMember({ age: '82' }), paths: ['members.0.age'] },
  { what: 'a negative age', body: withMember({ age: -1 }), paths: ['members.0.age'] },
  { what: 'age 151', body: withMember({ age: 151 }), paths: ['members.0.age'] },
  { what: 'age 82.5', body: withMember({ age: 82.5 }), paths: ['members.0.age'] },
  { what: 'disability grade 5', body: withMember({ disabilityGrade: 5 }), paths: ['members.0.disabilityGrade'] },
  { what: 'disability grade −1', body: withMember({ disabilityGrade: -1 }), paths: ['members.0.disabilityGrade'] },
  { what: 'an unknown relation', body: withMember({ relation: 'cousin' }), paths: ['members.0.relation'] },
  { what: 'a member without a relation', body: withMember({ relation: undefined }), paths: ['members.0.relation'] },
  { what: 'an unknown disability kind', body: withMember({ disabilityKind: 'blind' }), paths: ['members.0.disabilityKind'] },
  { what: 'an unknown self-care level', body: withMember({ selfCare: 'mostly' }), paths: ['members.0.selfCare'] },
  { what: 'an unknown child status', body: withMember({ childStatus: 'abandoned' }), paths: ['members.0.childStatus'] },
  { what: 'an unknown care setting', body: withMember({ careSetting: 'hospital' }), paths: ['members.0.careSetting'] },
  { what: 'canWork as text', body: withMember({ canWork: 'no' }), paths: ['members.0.canWork'] },
  { what: 'admittedToHigherEducation as a number', body: withMember({ admittedToHigherEducation: 1 }), paths: ['members.0.admittedToHigherEducation'] },
  { what: 'an unknown field on a member', body: withMember({ name: '王秀英' }), paths: ['members.0.name'] },
  { what: 'two faults on the second member', body: withMember({ relation: 'neighbour', age: 200 }, 1), paths: ['members.1.age', 'members.1.relation'] },
  { what: 'a member that is not an object', body: { ...grandmaWang(), members: ['self'] }, paths: ['members.0'] },
  { what: 'no members', body: { ...grandmaWang(), members: [] }, paths: ['members'] },
  { what: '21 members', body: { ...grandmaWang(), members: [{ relation: 'self', age: 50 }, ...Array.from({ length: 20 }, () => aMember)] }, paths: ['members'] },
  { what: 'members missing', body: without('members'), paths: ['members'] },
  { what: 'members as an object', body: { ...grandmaWang(), members: { relation: 'self' } }, paths: ['members'] },
  { what: 'a city outside Shanxi (Beijing)', body: { ...grandmaWang(), region: { cityCode: '110000', area: 'urban' } }, paths: ['region.cityCode'] },
  { what: 'a county code instead of a city', body: { ...grandmaWang(), region: { cityCode: '140105', area: 'urban' } }, paths: ['region.cityCode'] },
  { what: 'the city code as a number', body: { ...grandmaWang(), region: { cityCode: 140100, area: 'urban' } }, paths: ['region.cityCode'] },
  { what: 'an unknown area', body: { ...grandmaWang(), region: { cityCode: '140100', area: 'suburban' } }, paths: ['region.area'] },
  { what: 'a region without an area', body: { ...grandmaWang(), region: { cityCode: '140100' } }, paths: ['region.area'] },
  { what: 'region missing', body: without('region'), paths: ['region'] },
  { what: 'region null', body: { ...grandmaWang(), region: null }, paths: ['region'] },
  { what: 'a negative income', body: { ...grandmaWang(), monthlyIncome: -1 }, paths: ['monthlyIncome'] },
  { what: 'income over 1e9', body: { ...grandmaWang(), monthlyIncome: 1_000_000_001 }, paths: ['monthlyIncome'] },
  { what: 'income with a fraction of a fen', body: { ...grandmaWang(), monthlyIncome: 800.005 }, paths: ['monthlyIncome'] },
  { what: 'income as text', body: { ...grandmaWang(), monthlyIncome: '800' }, paths: ['monthlyIncome'] },
  { what: 'negative assets', body: { ...grandmaWang(), financialAssets: -0.01 }, paths: ['financialAssets'] },
  { what: 'rigid expenses as a boolean', body: { ...grandmaWang(), rigidExpensesLast12Months: true }, paths: ['rigidExpensesLast12Months'] },
  { what: 'hukou as text', body: { ...grandmaWang(), hukouInShanxi: 'yes' }, paths: ['hukouInShanxi'] },
  { what: 'excluded property as 0', body: { ...grandmaWang(), hasExcludedProperty: 0 }, paths: ['hasExcludedProperty'] },
  { what: 'a capable supporter as text', body: { ...grandmaWang(), hasCapableSupporter: 'no' }, paths: ['hasCapableSupporter'] },
  { what: 'sudden hardship as an array', body: { ...grandmaWang(), suddenHardship: [] }, paths: ['suddenHardship'] },
  { what: 'a day that does not exist', body: { ...grandmaWang(), date: '2025-02-30' }, paths: ['date'] },
  { what: 'a date with slashes', body: { ...grandmaWang(), date: '2025/08/01' }, paths: ['date'] },
  { what: 'a date as a number', body: { ...grandmaWang(), date: 20250801 }, paths: ['date'] },
  { what: 'a date with a time', body: { ...grandmaWang(), date: '2025-08-01T08:00:00Z' }, paths: ['date'] },
  { what: 'several fields wrong at once', body: { ...withMember({ age: -5 }), monthlyIncome: -1, region: { cityCode: '999999', area: 'urban' } }, paths: ['members.0.age', 'monthlyIncome', 'region.cityCode'] },
  { what: 'an unknown top-level field', body: { ...grandmaWang(), idNumber: '140105194301011234' }, paths: ['idNumber'] },
  { what: 'an empty object', body: {}, paths: ['members', 'region'] },
  { what: 'an array', body: [grandmaWang()], paths: [''] },
  { what: 'a string', body: 'household', paths: [''] },
  { what: 'a number', body: 42, paths: [''] },
  { what: 'true', body: true, paths: [''] },
  { what: 'null', body: null, paths: [''] },
]

/** Bodies that are not JSON at all: 400 invalid_json, no field paths. */
const notJson: { what: string; payload: string }[] = [
  { what: 'a cut-off object', payload: '{"region": {"cityCode": "140100"' },
  { what: 'single quotes', payload: "{'members': []}" },
  { what: 'an empty body', payload: '' },
  { what: 'a trailing comma', payload: '{"members": [],}' },
  { what: 'a prototype-polluting key', payload: '{"__proto__": {"admin": true}, "members": []}' },
]

describe.each(dbKinds)('the screener API on %s', (kind) => {
  let t: TestApp
  let base: string

  beforeAll(async () => {
    t = await startTestApp(kind)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await t.close()
  })

  const post = (body: unknown) =>
    fetch(`${base}/api/v1/screening`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  describe('POST /api/v1/screening gives exactly what the app computes, for every case file', () => {
    it('reads at least 80 cases', () => {
      expect(caseFiles.flatMap((f) => f.cases).length).toBeGreaterThanOrEqual(80)
    })

    describe.each(caseFiles)('$file', ({ cases }) => {
      test.each(cases)('$name', async (testCase) => {
        const today = testCase.today ?? DEFAULT_TODAY
        t.clock.now = noonInShanxi(today)
        const body = bodyOf(testCase)
        const app = inProcess(body, today)

        const response = await post(body)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        // Parsed here rather than by fetch, so the objects share this realm's prototypes for toStrictEqual.
        const answer: unknown = JSON.parse(await response.text())

        if (testCase.expectedError) {
          expect(isNoPolicyInForce(app.error)).toBe(true)
          expect(response.status).toBe(422)
          expect(answer).toStrictEqual({ error: NO_POLICY_IN_FORCE, message: app.error instanceof Error ? app.error.message : undefined })
          return
        }

        expect(app.error).toBeUndefined()
        expect(response.status).toBe(200)
        expect(answer).toStrictEqual(app.response)

        // And both agree with what the case file expects.
        const results = ScreeningResponseSchema.parse(answer).results
        for (const [benefit, expected] of Object.entries(testCase.expected ?? {})) {
          const result = results.find((r) => r.benefit === benefit)
          expect({
            benefit,
            tier: result?.tier,
            monthlyAmount: result?.monthlyAmount,
            ...(expected.maxOneOffAmount !== undefined && { maxOneOffAmount: result?.maxOneOffAmount }),
            ...(expected.criteria && {
              criteria: Object.fromEntries(Object.keys(expected.criteria).map((id) => [id, result?.criteria.find((c) => c.id === id)?.met])),
            }),
          }).toEqual({ benefit, ...expected })
        }
      })
    })
  })

  describe('POST /api/v1/screening', () => {
    it('answers 王奶奶 with all 13 benefits in order and her amounts', async () => {
      const response = await post(grandmaWang())
      expect(response.status).toBe(200)
      const body = ScreeningResponseSchema.parse(await response.json())
      expect(body.date).toBe('2025-08-01')
      expect(body.results.map((r) => r.benefit)).toEqual([...BENEFIT_IDS])
      const likely = Object.fromEntries(body.results.filter((r) => r.tier === 'likely').map((r) => [r.benefit, r.monthlyAmount]))
      expect(likely).toMatchObject({ dibao: 669, tekun: 870, high_age_allowance: 50 })
      const dibao = body.results[0]
      expect(dibao.criteria.find((c) => c.id === 'income')?.text).toContain('669')
      expect(dibao.parameters).toContainEqual(expect.objectContaining({ id: 'dibao.standard.urban', value: 669, from: '2025-01-01', status: 'seed' }))
    })

    it('screens on today in Asia/Shanghai when no date is given, even when UTC is still on the day before', async () => {
      // 2025-01-01 00:30 in Shanxi is 2024-12-31 16:30 UTC: the policy is already in force.
      t.clock.now = new Date('2024-12-31T16:30:00Z')
      const response = await post({ ...grandmaWang(), date: undefined })
      expect(response.status).toBe(200)
      expect(((await response.json()) as { date: string }).date).toBe('2025-01-01')

      t.clock.now = new Date('2024-12-31T15:30:00Z')
      const early = await post({ ...grandmaWang(), date: null })
      expect(early.status).toBe(422)
      expect(((await early.json()) as { error: string }).error).toBe(NO_POLICY_IN_FORCE)
    })

    it('answers a date before 2025-01-01 with 422 no_policy_in_force and a message in Chinese', async () => {
      for (const date of ['2024-12-31', '2000-01-01']) {
        const response = await post({ ...grandmaWang(), date })
        expect(response.status).toBe(422)
        const body = ApiErrorBodySchema.parse(await response.json())
        expect(body).toEqual({ error: NO_POLICY_IN_FORCE, message: expect.stringContaining('2025-01-01') })
      }
      expect((await post({ ...grandmaWang(), date: '2025-01-01' })).status).toBe(200)
    })

    test.each(malformedHouseholds)('answers $what with 400 and the fields at fault', async ({ body, paths }) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/screening', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) })
      expect(response.statusCode).toBe(400)
      const answer = ApiErrorBodySchema.parse(response.json())
      expect(answer.error).toBe('invalid_request')
      expect([...new Set((answer.issues ?? []).map((issue) => issue.path))].sort()).toEqual(paths)
      for (const issue of answer.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    })

    test.each(notJson)('answers $what over the wire with 400 invalid_json', async ({ payload }) => {
      const response = await fetch(`${base}/api/v1/screening`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload })
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ error: 'invalid_json', message: expect.any(String) })
    })

    it('answers a number too large for JSON (1e400, read as Infinity) with 400 on its field', async () => {
      const payload = JSON.stringify(grandmaWang()).replace('"financialAssets":5000', '"financialAssets":1e400')
      expect(payload).toContain('1e400')
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/screening', headers: { 'content-type': 'application/json' }, payload })
      expect(response.statusCode).toBe(400)
      expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(['financialAssets'])
    })

    it('answers no body at all with 400, another content type with 415, and a huge body with 413', async () => {
      const nothing = await t.app.inject({ method: 'POST', url: '/api/v1/screening' })
      expect(nothing.statusCode).toBe(400)
      expect(nothing.json().issues).toEqual([{ path: '', message: expect.any(String) }])

      const text = await t.app.inject({ method: 'POST', url: '/api/v1/screening', headers: { 'content-type': 'text/plain' }, payload: 'household' })
      expect(text.statusCode).toBe(415)

      const huge = await t.app.inject({ method: 'POST', url: '/api/v1/screening', payload: { ...grandmaWang(), note: 'x'.repeat(2 * 1024 * 1024) } })
      expect(huge.statusCode).toBe(413)
    })

    it('stores nothing and keeps the household out of the log', async () => {
      const counts = async () => {
        const tables = await t.testDb.db.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
        )
        const rows = await Promise.all(
          tables.rows.map(async ({ table_name }) => {
            const result = await t.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`)
            return [table_name, result.rows[0].n] as const
          }),
        )
        return Object.fromEntries(rows)
      }
      const before = await counts()
      t.logs.length = 0
      const household = { ...grandmaWang(), monthlyIncome: 1234.56, financialAssets: 65432.1 }
      expect((await post(household)).status).toBe(200)
      expect((await post({ ...household, members: [] })).status).toBe(400)
      expect(await counts()).toEqual(before)

      const log = t.logs.join('\n')
      expect(log).toContain('/api/v1/screening')
      for (const secret of ['1234.56', '65432.1', 'hukouInShanxi', 'members', '140100']) expect(log).not.toContain(secret)
    })
  })

  describe('GET /api/v1/benefits', () => {
    it('lists the 13 benefits with the parameters in force on the date, as the app computes them', async () => {
      const response = await fetch(`${base}/api/v1/benefits?date=2025-08-01`)
      expect(response.status).toBe(200)
      const answer: unknown = JSON.parse(await response.text())
      expect(answer).toStrictEqual(JSON.parse(JSON.stringify(benefitCatalogue('2025-08-01'))))

      const catalogue = BenefitCatalogueSchema.parse(answer)
      expect(catalogue.date).toBe('2025-08-01')
      expect(catalogue.benefits.map((b) => b.id)).toEqual([...BENEFIT_IDS])
      const byId = Object.fromEntries(catalogue.benefits.map((b) => [b.id, b]))
      expect(byId.dibao.name).toBe('最低生活保障')
      expect(byId.dibao.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'dibao.standard.urban', value: 669, from: '2025-01-01', status: 'seed', source: expect.stringContaining('中国发展网《山西民政工作上半年成效显著') }),
          expect.objectContaining({ id: 'dibao.standard.rural', value: 555 }),
        ]),
      )
      expect(byId.orphan_allowance.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'child.monthly.institution', value: 2110 })]))
      expect(byId.home_modification_subsidy.parameters).toEqual([expect.objectContaining({ id: 'home_modification.max_amount', value: 18000 })])
      expect(byId.dibao.documents).toContain('id_card')
    })

    it('uses today in Asia/Shanghai when no date is given', async () => {
      t.clock.now = new Date('2025-12-31T17:00:00Z')
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/benefits' })
      expect(response.statusCode).toBe(200)
      expect(response.json().date).toBe('2026-01-01')
    })

    it('answers a date before 2025-01-01 with 422, and a malformed date with 400 on date', async () => {
      const early = await t.app.inject({ method: 'GET', url: '/api/v1/benefits?date=2024-12-31' })
      expect(early.statusCode).toBe(422)
      expect(early.json()).toEqual({ error: NO_POLICY_IN_FORCE, message: expect.stringContaining('2025-01-01') })

      t.clock.now = noonInShanxi('2024-06-01')
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/benefits' })).statusCode).toBe(422)

      for (const date of ['yesterday', '2025-13-01', '2025-02-29']) {
        const bad = await t.app.inject({ method: 'GET', url: `/api/v1/benefits?date=${date}` })
        expect(bad.statusCode).toBe(400)
        expect(bad.json().issues).toEqual([{ path: 'date', message: expect.any(String) }])
      }
    })
  })

  describe('GET /api/v1/openapi.json', () => {
    it('documents both routes with the shared schemas, anonymous', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
      const screening = doc.paths['/api/v1/screening'].post
      const request = screening.requestBody.content['application/json'].schema
      expect(request.required).toEqual(expect.arrayContaining(['region', 'members']))
      expect(request.properties.members).toMatchObject({ type: 'array', minItems: 1, maxItems: 20 })
      expect(request.properties.region.properties.cityCode.enum).toHaveLength(11)
      expect(request.properties.members.items.properties.age).toMatchObject({ type: 'integer', minimum: 0, maximum: 150 })
      const ok = screening.responses['200'].content['application/json'].schema
      expect(ok.required).toEqual(expect.arrayContaining(['date', 'results']))
      expect(ok.properties.results.items.properties.tier.enum).toEqual([...TIERS])
      expect(screening.responses['4XX']).toBeDefined()
      expect(screening.security).toBeUndefined()

      const benefits = doc.paths['/api/v1/benefits'].get
      expect(benefits.parameters).toEqual([expect.objectContaining({ in: 'query', name: 'date', required: false })])
      expect(benefits.responses['200'].content['application/json'].schema.properties.benefits.type).toBe('array')
      expect(benefits.security).toBeUndefined()
    })
  })
})

describe('the screener’s rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite', { routes: [healthRoutes, screeningRoutesWith({ rateLimit: { max: 3, timeWindow: '1 minute' } })] })
  })
  afterAll(async () => {
    await t.close()
  })

  it('answers a flood from one address with 429 and Retry-After, and leaves other addresses alone', async () => {
    const attempt = (remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/screening', payload: grandmaWang(), remoteAddress })
    for (let i = 0; i < 3; i += 1) expect((await attempt('10.0.0.1')).statusCode).toBe(200)
    const limited = await attempt('10.0.0.1')
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.json()).toEqual({ error: 'rate_limited', message: expect.any(String) })
    expect((await attempt('10.0.0.2')).statusCode).toBe(200)
  })
})

describe('the screener as deployed', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite')
  })
  afterAll(async () => {
    await t.close()
  })

  it('lets a family behind one carrier address screen many times a minute', async () => {
    for (let i = 0; i < 60; i += 1) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/screening', payload: withMember({ age: 20 + i }), remoteAddress: '10.0.0.9' })
      expect(response.statusCode).toBe(200)
    }
  })
})
