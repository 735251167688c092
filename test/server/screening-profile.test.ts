// 主动提醒 over HTTP on the real database: a household saved with consent, read back only by its owner, the
// daily re-check at midnight in Shanxi finding what became possible (a birthday, a new standard) exactly once,
// what lies ahead, and deletion taking everything with it.
import type { RegionOverrides } from '@/domain/policy/parameters/overrides'
import { AlertListSchema, type SavedHousehold } from '@/domain/screening'
import { recheckHouseholds } from '../../server/households/profiles'
import { bearer, startApplyApp, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

/** 赵桂兰, 79, lives alone in 太原 on a pension of 1,500 yuan a month; she turns 80 in January 2027. */
const zhaoGuilan: SavedHousehold = {
  household: {
    region: { cityCode: '140100', area: 'urban' },
    hukouInShanxi: true,
    members: [{ relation: 'self', age: 79, canWork: false, disabilityGrade: 0, selfCare: 'full' }],
    monthlyIncome: 1500,
    financialAssets: 10_000,
    hasExcludedProperty: false,
    rigidExpensesLast12Months: 0,
    hasCapableSupporter: false,
    suddenHardship: false,
  },
  birthMonths: ['1947-01'],
  notify: true,
  consent: { version: '2026-12' },
}

/** 李长福, 76, the same income in 太原: no birthday of note ahead, but a city standard may rise. */
const liChangfu: SavedHousehold = { ...zhaoGuilan, household: { ...zhaoGuilan.household, members: [{ ...zhaoGuilan.household.members[0], age: 76 }] }, birthMonths: ['1950-05'] }

/** 太原's urban dibao standard rising above their income from 2027-03-01 (a test's own city value). */
const taiyuanRaises: RegionOverrides = {
  140100: { 'dibao.standard.urban': [{ from: '2027-03-01', value: 1600, status: 'seed', references: [], fromStated: true }] },
}

/** Midnight in Shanxi at the start of `date`. */
const shanxiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`)

describe.each(dbKinds)('the saved household and its alerts on %s', (kind) => {
  let t: ApplyTestApp
  beforeAll(async () => {
    t = await startApplyApp(kind)
    t.clock.now = new Date('2026-12-04T10:00:00+08:00')
  })
  afterAll(async () => {
    await t.close()
  })

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) })
  const alertsOf = async (who: object) => AlertListSchema.parse((await call('GET', '/alerts', who)).json()).alerts

  test('saved with consent, read back by its owner only; a stranger gets 404 everywhere; unsigned is 401', async () => {
    const son = await bearer(t.app, 'zhao-son')
    const saved = await call('PUT', '/screening-profile', son, zhaoGuilan)
    expect(saved.statusCode).toBe(200)
    const read = await call('GET', '/screening-profile', son)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toMatchObject({ household: zhaoGuilan.household, birthMonths: ['1947-01'], notify: true, consent: { version: '2026-12' } })

    const stranger = await bearer(t.app, 'stranger')
    expect((await call('GET', '/screening-profile', stranger)).statusCode).toBe(404)
    expect((await call('GET', '/screening-profile/outlook?date=2027-06-01', stranger)).statusCode).toBe(404)
    expect((await call('DELETE', '/screening-profile', stranger)).statusCode).toBe(404)
    expect(await alertsOf(stranger)).toEqual([])
    for (const [method, url] of [['GET', '/screening-profile'], ['PUT', '/screening-profile'], ['DELETE', '/screening-profile'], ['GET', '/alerts'], ['GET', '/screening-profile/outlook?date=2027-01-01']] as const) {
      expect((await call(method, url, {}, method === 'PUT' ? zhaoGuilan : undefined)).statusCode).toBe(401)
    }
  })

  test('refused with the field at fault: birth months not one per member, no consent, a month that does not exist', async () => {
    const me = await bearer(t.app, 'careless')
    const cases: Array<[object, string]> = [
      [{ ...zhaoGuilan, birthMonths: ['1947-01', '1950-02'] }, 'birthMonths'],
      [{ ...zhaoGuilan, consent: { version: '2020-01' } }, 'consent.version'],
      [{ ...zhaoGuilan, birthMonths: ['1947-13'] }, 'birthMonths.0'],
    ]
    for (const [body, path] of cases) {
      const answer = await call('PUT', '/screening-profile', me, body)
      expect(answer.statusCode).toBe(400)
      expect(answer.json().issues.map((issue: { path: string }) => issue.path)).toContain(path)
    }
  })

  test('the outlook: from January 2027 she may have 高龄津贴, because she will be 80', async () => {
    const son = await bearer(t.app, 'zhao-son')
    const ahead = await call('GET', '/screening-profile/outlook?date=2027-01-01', son)
    expect(ahead.statusCode).toBe(200)
    expect(ahead.json()).toEqual({
      today: '2026-12-04',
      date: '2027-01-01',
      changes: [{ benefit: 'high_age_allowance', name: '高龄津贴', from: 'unlikely', to: 'likely', reasons: [expect.stringContaining('80')] }],
    })
    expect((await call('GET', '/screening-profile/outlook?date=2026-12-31', son)).json().changes).toEqual([])
  })

  test('the daily re-check: one alert on the day she turns 80, none before, none on a re-run or the day after', async () => {
    const son = await bearer(t.app, 'zhao-son')
    for (const date of ['2026-12-05', '2026-12-31']) {
      t.clock.now = shanxiMidnight(date)
      expect(await t.app.scheduler.runDue()).toContain('recheck-households')
    }
    expect(await alertsOf(son)).toEqual([])

    t.clock.now = new Date(shanxiMidnight('2027-01-01').getTime() + 60_000)
    expect(await t.app.scheduler.runDue()).toContain('recheck-households')
    const alerts = await alertsOf(son)
    expect(alerts).toEqual([{ id: expect.any(String), benefit: 'high_age_allowance', name: '高龄津贴', tier: 'likely', reasons: [expect.stringContaining('80')], foundOn: '2027-01-01' }])

    // Later the same day (another instance, a restart) and the next day: nothing new.
    t.clock.now = new Date(shanxiMidnight('2027-01-01').getTime() + 3_600_000)
    expect(await t.app.scheduler.runDue()).not.toContain('recheck-households')
    expect(await recheckHouseholds(t.testDb.db, t.app.fieldCrypto, '2027-01-01', t.clock.now)).toEqual({ checked: 0, alerts: 0 })
    t.clock.now = shanxiMidnight('2027-01-02')
    await t.app.scheduler.runDue()
    expect(await alertsOf(son)).toEqual(alerts)
  })

  test('a new standard dated ahead gives alerts on that day only, with one message per accepted template', async () => {
    const li = await bearer(t.app, 'li-changfu')
    t.clock.now = new Date('2027-01-02T10:00:00+08:00')
    expect((await call('PUT', '/screening-profile', li, liChangfu)).statusCode).toBe(200)
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: li, payload: { templateIds: ['tpl-status'] } })

    expect(await recheckHouseholds(t.testDb.db, t.app.fieldCrypto, '2027-02-28', t.clock.now, { overrides: taiyuanRaises })).toMatchObject({ alerts: 0 })
    expect(await alertsOf(li)).toEqual([])
    await recheckHouseholds(t.testDb.db, t.app.fieldCrypto, '2027-03-01', t.clock.now, { overrides: taiyuanRaises })
    const found = await alertsOf(li)
    expect(found.map((alert) => [alert.benefit, alert.foundOn])).toEqual([
      ['dibao', '2027-03-01'],
      ['tekun', '2027-03-01'],
    ])
    expect(found.find((alert) => alert.benefit === 'dibao')?.reasons.join('')).toContain('低保标准')
    await recheckHouseholds(t.testDb.db, t.app.fieldCrypto, '2027-03-02', t.clock.now, { overrides: taiyuanRaises })
    expect(await alertsOf(li)).toEqual(found)

    const queued = await t.testDb.db.query<{ template_id: string; payload: { benefit: string; foundOn: string } }>(
      `SELECT o.template_id, o.payload FROM notification_outbox o JOIN screening_alerts a ON a.id = o.alert_id WHERE a.user_id = o.user_id ORDER BY o.payload->>'benefit'`,
    )
    expect(queued.rows.filter((row) => row.payload.foundOn === '2027-03-01').map((row) => [row.template_id, row.payload.benefit])).toEqual([
      ['tpl-status', 'dibao'],
      ['tpl-status', 'tekun'],
    ])
  })

  test('a household saved without notify is kept but never re-checked', async () => {
    const quiet = await bearer(t.app, 'quiet')
    t.clock.now = new Date('2027-01-02T10:00:00+08:00')
    await call('PUT', '/screening-profile', quiet, { ...liChangfu, notify: false })
    await recheckHouseholds(t.testDb.db, t.app.fieldCrypto, '2027-03-01', t.clock.now, { overrides: taiyuanRaises })
    expect(await alertsOf(quiet)).toEqual([])
  })

  test('deleting removes the household, its alerts and their messages at once', async () => {
    const li = await bearer(t.app, 'li-changfu')
    expect((await alertsOf(li)).length).toBeGreaterThan(0)
    const deleted = await call('DELETE', '/screening-profile', li)
    expect(deleted.statusCode).toBe(204)
    expect((await call('GET', '/screening-profile', li)).statusCode).toBe(404)
    expect(await alertsOf(li)).toEqual([])
    const left = await t.testDb.db.query(`SELECT 1 FROM notification_outbox WHERE alert_id IS NOT NULL AND payload->>'benefit' IN ('dibao', 'tekun')`)
    expect(left.rows).toEqual([])
    expect((await call('DELETE', '/screening-profile', li)).statusCode).toBe(404)
  })
})
