// POST /subscriptions and the notification outbox: each status change queues a message for the owner
// per accepted template, in the same transaction; delivery happens afterwards, failures are retried
// with back-off and never undo or block the change.
import { ApplicationResponseSchema } from '@/domain/application'
import { MAX_ATTEMPTS, deliverDueNotifications, loggingSender, type NotificationSender, type StatusMessage } from '../../server/notifications/outbox'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const SECRET = 'notifications-secret-for-the-tests-0123456789'

describe.each(dbKinds)('notifications on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
  })
  afterAll(async () => {
    await t.close()
  })

  const event = (body: Record<string, unknown>) => postCaseEvent(t.app, SECRET, body)
  const outbox = async (claimId: string) =>
    (
      await t.testDb.db.query<{ user_id: string; template_id: string; state: string; attempts: number; next_attempt_at: Date; payload: StatusMessage['payload'] }>(
        'SELECT user_id, template_id, state, attempts, next_attempt_at, payload FROM notification_outbox WHERE claim_id = $1 ORDER BY created_at, template_id',
        [claimId],
      )
    ).rows
  let sequence = 0
  async function newApplication(who: { authorization: string }) {
    sequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1951-02-03', 700 + sequence * 2)
    const body = ApplicationResponseSchema.parse((await submit(t.app, who, input)).json())
    return { id: body.id, dibao: body.claims.find((claim) => claim.benefit === 'dibao')?.id ?? '' }
  }

  test('subscriptions: recorded per person, answered in full; 401 unsigned, 400 empty', async () => {
    const me = await bearer(t.app, 'subscriber-a')
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: me, payload: { templateIds: ['tpl-status', 'tpl-status'] } })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ templateIds: ['tpl-status'] })
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: me, payload: { templateIds: ['tpl-due'] } })
    expect(second.json()).toEqual({ templateIds: ['tpl-due', 'tpl-status'] })
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', payload: { templateIds: ['x'] } })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: me, payload: { templateIds: [] } })).statusCode).toBe(400)
  })

  test('a status change queues one message per accepted template for the owner; none for someone who did not subscribe', async () => {
    const subscriber = await bearer(t.app, 'subscriber-b')
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: subscriber, payload: { templateIds: ['tpl-status', 'tpl-due'] } })
    const mine = await newApplication(subscriber)
    const silent = await newApplication(await bearer(t.app, 'not-subscribed'))
    expect((await event({ claimId: mine.dibao, status: 'accepted' })).statusCode).toBe(200)
    expect((await event({ claimId: silent.dibao, status: 'accepted' })).statusCode).toBe(200)
    const queued = await outbox(mine.dibao)
    expect(queued.map((row) => [row.template_id, row.state, row.payload.status, row.payload.statusLabel])).toEqual([
      ['tpl-due', 'pending', 'accepted', '已受理'],
      ['tpl-status', 'pending', 'accepted', '已受理'],
    ])
    expect(queued[0].payload).toMatchObject({ applicationId: mine.id, benefit: 'dibao', note: expect.stringContaining('受理') })
    expect(await outbox(silent.dibao)).toEqual([])
    // The owner's own withdrawal is a status change too.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/applications/${mine.id}/withdraw`, headers: subscriber, payload: { claimIds: [mine.dibao] } })).statusCode).toBe(200)
    expect((await outbox(mine.dibao)).map((row) => row.payload.status).sort()).toEqual(['accepted', 'accepted', 'withdrawn', 'withdrawn'])
  })

  test('delivery: a failing sender is retried with back-off and finally marked failed; the claim keeps its new status', async () => {
    await t.testDb.db.query("UPDATE notification_outbox SET state = 'sent'")
    const subscriber = await bearer(t.app, 'subscriber-c')
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: subscriber, payload: { templateIds: ['tpl-status'] } })
    const mine = await newApplication(subscriber)
    expect((await event({ claimId: mine.dibao, status: 'accepted' })).statusCode).toBe(200)

    const failing: NotificationSender = { send: async () => Promise.reject(new Error('errcode 43101: user refuse to accept the msg')) }
    const start = t.clock.now
    expect(await deliverDueNotifications(t.testDb.db, failing, start)).toEqual({ sent: 0, failed: 1 })
    let [row] = await outbox(mine.dibao)
    expect([row.state, row.attempts, row.next_attempt_at.getTime() - start.getTime()]).toEqual(['pending', 1, 60_000])
    // Not due yet: nothing is tried.
    expect(await deliverDueNotifications(t.testDb.db, failing, new Date(start.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 })
    // Due: a working sender delivers it.
    const delivered: StatusMessage[] = []
    const working: NotificationSender = { send: async (message) => void (message.kind === 'status' && delivered.push(message)) }
    expect(await deliverDueNotifications(t.testDb.db, working, new Date(start.getTime() + 60_000))).toEqual({ sent: 1, failed: 0 })
    ;[row] = await outbox(mine.dibao)
    expect([row.state, row.attempts]).toEqual(['sent', 2])
    expect(delivered.map((message) => [message.templateId, message.payload.status])).toEqual([['tpl-status', 'accepted']])

    // A message that never goes through stops after MAX_ATTEMPTS.
    expect((await event({ claimId: mine.dibao, status: 'verifying' })).statusCode).toBe(200)
    let now = t.clock.now
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverDueNotifications(t.testDb.db, failing, now)).toEqual({ sent: 0, failed: 1 })
      now = new Date(now.getTime() + 24 * 3_600_000)
    }
    expect(await deliverDueNotifications(t.testDb.db, failing, now)).toEqual({ sent: 0, failed: 0 })
    expect((await outbox(mine.dibao)).map((item) => [item.payload.status, item.state, item.attempts])).toEqual([
      ['accepted', 'sent', 2],
      ['verifying', 'failed', MAX_ATTEMPTS],
    ])
    const view = ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${mine.id}`, headers: subscriber })).json())
    expect(view.claims.find((claim) => claim.id === mine.dibao)?.status).toBe('verifying')
  })

  test('the development sender logs ids, the application’s reference and the status only, and counts the message as sent', async () => {
    const lines: Array<[object, string]> = []
    const sender = loggingSender({ info: (obj, msg) => void lines.push([obj, msg]) })
    await sender.send({ kind: 'status', id: 'n1', userId: 'u1', templateId: 'tpl', claimId: 'c1', attempts: 0, payload: { applicationId: 'a1', reference: 'JX20260301-K7QM', benefit: 'dibao', status: 'accepted', statusLabel: '已受理', note: '王淑芬', at: '2026-03-01T08:00:00.000Z' } })
    expect(lines).toEqual([[{ notificationId: 'n1', claimId: 'c1', reference: 'JX20260301-K7QM', templateId: 'tpl', status: 'accepted' }, 'notification sent (development sender)']])
  })
})
