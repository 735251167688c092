// POST /api/v1/case-events: the civil-affairs review system moves claims. Signed bodies, replays,
// refused and out-of-order transitions, unknown claims, decisions without their reason or details.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { ApplicationResponseSchema, type ApplicationResponse } from '@/domain/application'
import { ApplicationDetailSchema, CaseClaimListSchema, CaseEventResultSchema } from '@/domain/claims'
import { hmacSha256Hex } from '../../server/crypto'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, issuesOf, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { migrate } from '../../server/db'
import { dbKinds } from './helpers/databases'
import { databaseBefore } from './helpers/migrations'

jest.setTimeout(120_000)

const SECRET = 'case-events-secret-for-the-tests-0123456789'

describe.each(dbKinds)('case events on %s', (kind) => {
  let t: ApplyTestApp
  let owner: { authorization: string }

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
    owner = await bearer(t.app, 'wang-shufen')
  })
  afterAll(async () => {
    await t.close()
  })

  const signedPost = (url: string, body: unknown, secret = SECRET): Promise<LightMyRequestResponse> => {
    const bytes = JSON.stringify(body)
    return t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-signature': `sha256=${hmacSha256Hex(secret, bytes)}` },
      payload: bytes,
    })
  }
  const send = (body: Record<string, unknown>, secret = SECRET) => signedPost('/api/v1/case-events', { eventId: randomUUID(), ...body }, secret)

  let beneficiarySequence = 0
  /** A fresh application (dibao + high_age_allowance) for a new beneficiary; its claims by benefit. */
  async function newApplication(): Promise<{ id: string; dibao: string; highAge: string }> {
    beneficiarySequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 100 + beneficiarySequence * 2)
    const response = await submit(t.app, owner, input)
    expect(response.statusCode).toBe(201)
    const body = ApplicationResponseSchema.parse(response.json())
    const claim = (benefit: string) => body.claims.find((item) => item.benefit === benefit)?.id ?? ''
    return { id: body.id, dibao: claim('dibao'), highAge: claim('high_age_allowance') }
  }
  const view = async (applicationId: string): Promise<ApplicationResponse> =>
    ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${applicationId}`, headers: owner })).json())
  const claimOf = async (applicationId: string, claimId: string) => {
    const found = (await view(applicationId)).claims.find((claim) => claim.id === claimId)
    if (!found) throw new Error('claim missing')
    return found
  }

  test('a dibao claim walks the whole way, each change in its timeline with a plain note', async () => {
    const app = await newApplication()
    const steps: Array<Record<string, unknown>> = [
      { status: 'accepted' },
      { status: 'verifying', note: '将于 3 月 5 日上午入户调查。' },
      { status: 'needs_info', requested: { items: [{ kind: 'document', documentId: 'income_proof' }, { kind: 'answer', question: '儿子每月给您多少生活费？' }], dueDate: '2026-03-20' } },
      { status: 'verifying' },
      { status: 'public_notice' },
      { status: 'approved', decision: { payment: 'monthly', amount: 669, startMonth: '2026-04' } },
      { status: 'paying' },
    ]
    let previous = 'submitted'
    for (const step of steps) {
      t.clock.now = new Date(t.clock.now.getTime() + 86_400_000)
      const response = await send({ claimId: app.dibao, ...step })
      expect(response.statusCode).toBe(200)
      const result = CaseEventResultSchema.parse(response.json())
      expect(result).toMatchObject({ claimId: app.dibao, applicationId: app.id, previousStatus: previous, status: step.status, at: t.clock.now.toISOString() })
      previous = String(step.status)
    }
    const claim = await claimOf(app.id, app.dibao)
    expect(claim.status).toBe('paying')
    expect(claim.statusLabel).toBe('发放中')
    expect(claim.timeline.map((entry) => entry.status)).toEqual(['submitted', ...steps.map((step) => step.status)])
    expect(claim.timeline[2].note).toContain('入户调查')
    expect(claim.timeline[3].note).toContain('收入证明')
    expect(claim.timeline[3].note).toContain('儿子每月给您多少生活费？')
    expect(claim.timeline[3].note).toContain('请在 2026年3月20日前提交')
    expect(claim.timeline[6].note).toBe('已批准，每月 669 元，自 2026 年 4 月起发放。')
    const details = await t.testDb.db.query<{ details: unknown }>("SELECT details FROM claim_events WHERE claim_id = $1 AND status = 'approved'", [app.dibao])
    expect(details.rows[0].details).toEqual({ decision: { payment: 'monthly', amountFen: 66900, startMonth: '2026-04' } })
    // The other claim of the application did not move.
    expect((await claimOf(app.id, app.highAge)).status).toBe('submitted')
  })

  test('适老化改造补贴 is decided as a one-off amount, never monthly; a wrong kind is 422 and changes nothing', async () => {
    beneficiarySequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 100 + beneficiarySequence * 2)
    input.benefits = ['high_age_allowance', 'home_modification_subsidy']
    const submitted = ApplicationResponseSchema.parse((await submit(t.app, owner, input)).json())
    const claimFor = (benefit: string) => submitted.claims.find((claim) => claim.benefit === benefit)?.id ?? ''
    const homeModification = claimFor('home_modification_subsidy')
    const highAge = claimFor('high_age_allowance')
    for (const claimId of [homeModification, highAge]) {
      for (const status of ['accepted', 'verifying']) expect((await send({ claimId, status })).statusCode).toBe(200)
    }

    const monthlyForOneOff = await send({ claimId: homeModification, status: 'approved', decision: { payment: 'monthly', amount: 6000, startMonth: '2026-12' } })
    expect(monthlyForOneOff.statusCode).toBe(422)
    expect(monthlyForOneOff.json()).toMatchObject({ error: 'wrong_payment_kind', message: expect.stringContaining('一次性') })
    const oneOffForMonthly = await send({ claimId: highAge, status: 'approved', decision: { payment: 'one_off', amount: 50 } })
    expect(oneOffForMonthly.statusCode).toBe(422)
    expect(oneOffForMonthly.json()).toMatchObject({ error: 'wrong_payment_kind', message: expect.stringContaining('按月') })
    expect((await claimOf(submitted.id, homeModification)).status).toBe('verifying')

    expect((await send({ claimId: homeModification, status: 'approved', decision: { payment: 'one_off', amount: 6000 } })).statusCode).toBe(200)
    expect((await send({ claimId: homeModification, status: 'paying' })).statusCode).toBe(200)
    const detail = ApplicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${submitted.id}`, headers: owner })).json())
    const claim = detail.claims.find((item) => item.id === homeModification)
    expect(claim?.decision).toEqual({ payment: 'one_off', amountFen: 600000 })
    expect(claim?.timeline.slice(-2).map((entry) => entry.note)).toEqual(['已批准，一次性发放 6000 元。', '补助正在发放。'])
    expect(JSON.stringify(claim)).not.toMatch(/每月|按月/)
  })

  test('401 for a missing, malformed or wrong signature, and for a body changed after signing; nothing changes', async () => {
    const app = await newApplication()
    const bytes = JSON.stringify({ eventId: randomUUID(), claimId: app.dibao, status: 'accepted' })
    const good = `sha256=${hmacSha256Hex(SECRET, bytes)}`
    const attempts: Array<{ headers: Record<string, string>; payload: string }> = [
      { headers: {}, payload: bytes },
      { headers: { 'x-signature': '' }, payload: bytes },
      { headers: { 'x-signature': hmacSha256Hex(SECRET, bytes) }, payload: bytes },
      { headers: { 'x-signature': `sha256=${hmacSha256Hex('another-secret-of-at-least-thirty-two-chars', bytes)}` }, payload: bytes },
      { headers: { 'x-signature': good }, payload: bytes.replace('accepted', 'rejected') },
      { headers: { 'x-signature': good }, payload: `${bytes} ` },
      { headers: { 'x-signature': `sha256=${hmacSha256Hex(SECRET, '{"not":"an event"}')}` }, payload: '{"not":"an event"}'.replace('not', 'nut') },
    ]
    for (const attempt of attempts) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/case-events', headers: { 'content-type': 'application/json', ...attempt.headers }, payload: attempt.payload })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    }
    expect((await claimOf(app.id, app.dibao)).timeline).toHaveLength(1)
    // The signature is over the exact bytes: the same body signed correctly is accepted.
    const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/case-events', headers: { 'content-type': 'application/json', 'x-signature': good }, payload: bytes })
    expect(accepted.statusCode).toBe(200)
  })

  test('replay: the same event again changes nothing and is answered exactly as the first time, even later and concurrently', async () => {
    const app = await newApplication()
    const event = { eventId: `evt-${randomUUID()}`, claimId: app.dibao, status: 'accepted', note: '材料齐全。' }
    const first = await signedPost('/api/v1/case-events', event)
    expect(first.statusCode).toBe(200)
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000)
    // Meanwhile the claim moves on; the replayed "accepted" must not move it back or be refused.
    expect((await send({ claimId: app.dibao, status: 'verifying' })).statusCode).toBe(200)
    const again = await Promise.all([signedPost('/api/v1/case-events', event), signedPost('/api/v1/case-events', event), signedPost('/api/v1/case-events', event)])
    for (const response of again) {
      expect(response.statusCode).toBe(200)
      expect(response.body).toBe(first.body)
    }
    const claim = await claimOf(app.id, app.dibao)
    expect(claim.status).toBe('verifying')
    expect(claim.timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted', 'verifying'])
    // The same id with another body is not a replay: refused.
    const reused = await signedPost('/api/v1/case-events', { ...event, note: '另一条' })
    expect(reused.statusCode).toBe(422)
    expect((await claimOf(app.id, app.dibao)).timeline).toHaveLength(3)
  })

  test('the same new event sent concurrently is applied once', async () => {
    const app = await newApplication()
    const event = { eventId: randomUUID(), claimId: app.highAge, status: 'accepted' }
    const answers = await Promise.all(Array.from({ length: 4 }, () => signedPost('/api/v1/case-events', event)))
    for (const answer of answers) expect(answer.statusCode).toBe(200)
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1)
    expect((await claimOf(app.id, app.highAge)).timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted'])
  })

  test('out of order: approved before accepted is 409 and nothing changes; sent again when in order, it is applied', async () => {
    const app = await newApplication()
    const approved = { eventId: randomUUID(), claimId: app.highAge, status: 'approved', decision: { payment: 'monthly', amountFen: 10000, startMonth: '2026-04' } }
    const early = await signedPost('/api/v1/case-events', approved)
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ error: 'invalid_transition', message: expect.stringContaining('已提交') })
    let claim = await claimOf(app.id, app.highAge)
    expect(claim.status).toBe('submitted')
    expect(claim.timeline).toHaveLength(1)
    expect(await t.testDb.db.query('SELECT 1 FROM case_events WHERE event_id = $1', [approved.eventId])).toMatchObject({ rowCount: 0 })

    expect((await send({ claimId: app.highAge, status: 'accepted' })).statusCode).toBe(200)
    expect((await send({ claimId: app.highAge, status: 'verifying' })).statusCode).toBe(200)
    // high_age_allowance has no 公示; dibao must have it before approval.
    expect((await send({ claimId: app.highAge, status: 'public_notice' })).statusCode).toBe(409)
    expect((await signedPost('/api/v1/case-events', approved)).statusCode).toBe(200)
    claim = await claimOf(app.id, app.highAge)
    expect(claim.timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted', 'verifying', 'approved'])
    expect(claim.timeline[3].note).toBe('已批准，每月 100 元，自 2026 年 4 月起发放。')

    expect((await send({ claimId: app.dibao, status: 'accepted' })).statusCode).toBe(200)
    expect((await send({ claimId: app.dibao, status: 'verifying' })).statusCode).toBe(200)
    expect((await send({ claimId: app.dibao, status: 'approved', decision: { payment: 'monthly', amountFen: 66900, startMonth: '2026-04' } })).statusCode).toBe(409)
    // A decided claim cannot be withdrawn; a final one goes nowhere.
    expect((await send({ claimId: app.highAge, status: 'withdrawn' })).statusCode).toBe(409)
    expect((await send({ claimId: app.dibao, status: 'rejected', reason: '家庭人均收入高于当地低保标准。' })).statusCode).toBe(200)
    expect((await send({ claimId: app.dibao, status: 'verifying' })).statusCode).toBe(409)
    const dibao = await claimOf(app.id, app.dibao)
    expect(dibao.status).toBe('rejected')
    expect(dibao.timeline.at(-1)?.note).toBe('未获批准。原因：家庭人均收入高于当地低保标准。')
  })

  test('404 for an unknown claim', async () => {
    const response = await send({ claimId: randomUUID(), status: 'accepted' })
    expect(response.statusCode).toBe(404)
  })

  test('400 with the path: rejected without a reason, needs_info without what is asked, approved without the amount, bad fields', async () => {
    const app = await newApplication()
    expect((await send({ claimId: app.dibao, status: 'accepted' })).statusCode).toBe(200)
    expect((await send({ claimId: app.dibao, status: 'verifying' })).statusCode).toBe(200)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ status: 'rejected' }, 'reason'],
      [{ status: 'rejected', reason: '   ' }, 'reason'],
      [{ status: 'needs_info' }, 'requested'],
      [{ status: 'needs_info', requested: { items: [], dueDate: '2026-03-20' } }, 'requested.items'],
      [{ status: 'needs_info', requested: { items: [{ kind: 'document' }], dueDate: '2026-03-20' } }, 'requested.items.0.documentId'],
      [{ status: 'needs_info', requested: { items: [{ kind: 'answer', question: '？' }] } }, 'requested.dueDate'],
      [{ status: 'approved' }, 'decision'],
      [{ status: 'approved', decision: { payment: 'monthly', startMonth: '2026-04' } }, 'decision.amountFen'],
      [{ status: 'approved', decision: { payment: 'monthly', amountFen: 100, amount: 1, startMonth: '2026-04' } }, 'decision.amountFen'],
      [{ status: 'approved', decision: { payment: 'monthly', amountFen: 100, startMonth: '2026-13' } }, 'decision.startMonth'],
      [{ status: 'approved', decision: { payment: 'monthly', amountFen: 100 } }, 'decision.startMonth'],
      [{ status: 'approved', decision: { payment: 'weekly', amountFen: 100 } }, 'decision.payment'],
      [{ status: 'approved', decision: { amountFen: 100, startMonth: '2026-04' } }, 'decision.payment'],
      [{ status: 'accepted', decision: { payment: 'monthly', amountFen: 100, startMonth: '2026-04' } }, 'decision'],
      [{ status: 'finished' }, 'status'],
    ]
    for (const [body, path] of cases) {
      const response = await send({ claimId: app.dibao, ...body })
      expect([response.statusCode, path]).toEqual([400, path])
      expect(Object.keys(issuesOf(response))).toContain(path)
    }
    const claim = await claimOf(app.id, app.dibao)
    expect(claim.status).toBe('verifying')
    expect(claim.timeline).toHaveLength(3)
  })

  test('the signed claim list (for npm run case -- list): ids, benefit and status only; stale or unsigned requests refused', async () => {
    const app = await newApplication()
    const list = await signedPost('/api/v1/case-events/claims', { requestedAt: t.clock.now.toISOString() })
    expect(list.statusCode).toBe(200)
    const body = CaseClaimListSchema.parse(list.json())
    expect(body.claims).toEqual(expect.arrayContaining([expect.objectContaining({ claimId: app.dibao, applicationId: app.id, benefit: 'dibao', status: 'submitted', statusLabel: '已提交' })]))
    expect(list.body).not.toContain('王淑芬')
    const stale = await signedPost('/api/v1/case-events/claims', { requestedAt: new Date(t.clock.now.getTime() - 3_600_000).toISOString() })
    expect(stale.statusCode).toBe(401)
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/case-events/claims', payload: { requestedAt: t.clock.now.toISOString() } })
    expect(unsigned.statusCode).toBe(401)
  })
})


test('decisions stored before they had a kind become monthly, or one-off for the one-off benefits, whose note stops saying 每月', async () => {
  const testDb = await databaseBefore('055')
  try {
    const { db } = testDb
    const user = randomUUID()
    const application = randomUUID()
    await db.query("INSERT INTO users (id, openid_hash, openid_sealed, created_at, last_sign_in_at) VALUES ($1, 'h', 's', now(), now())", [user])
    await db.query("INSERT INTO applications (id, owner_id, idempotency_key, request_hash, response_status, response_sealed, details, created_at, reference) VALUES ($1, $2, 'k', 'h', 201, 's', '{}', now(), 'JX20261205-K7QM')", [application, user])
    const approve = async (benefit: string, amountFen: number, note: string) => {
      const claim = randomUUID()
      await db.query("INSERT INTO claims (id, application_id, benefit, status, beneficiary_id_hash, created_at, updated_at) VALUES ($1, $2, $3, 'approved', 'h', now(), now())", [claim, application, benefit])
      await db.query("INSERT INTO claim_events (id, claim_id, seq, status, note, actor, at, details) VALUES ($1, $2, 1, 'approved', $3, 'review_system', now(), $4)", [
        randomUUID(),
        claim,
        note,
        JSON.stringify({ decision: { monthlyAmountFen: amountFen, startMonth: '2026-12' } }),
      ])
      return claim
    }
    const homeModification = await approve('home_modification_subsidy', 600000, '已批准，每月 6000 元，自 2026 年 12 月起发放。 请保留发票')
    const highAge = await approve('high_age_allowance', 5000, '已批准，每月 50 元，自 2026 年 12 月起发放。')

    await migrate(db)

    const stored = async (claim: string) => (await db.query<{ note: string; details: unknown }>('SELECT note, details FROM claim_events WHERE claim_id = $1', [claim])).rows[0]
    expect(await stored(homeModification)).toEqual({ note: '已批准，一次性发放 6000 元。 请保留发票', details: { decision: { payment: 'one_off', amountFen: 600000 } } })
    expect(await stored(highAge)).toEqual({ note: '已批准，每月 50 元，自 2026 年 12 月起发放。', details: { decision: { payment: 'monthly', amountFen: 5000, startMonth: '2026-12' } } })
  } finally {
    await testDb.cleanup()
  }
})
