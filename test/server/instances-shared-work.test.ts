// Work that several instances on one database share: locks, notices between connections, scheduled jobs
// once per period, and outbox messages each sent once however many instances deliver at the same time.
// Two instances are two connections (pools) to the same schema; on PGlite, one connection is the trivial case.
import { ApplicationResponseSchema } from '@/domain/application'
import { migrate, notifySql, type Db } from '../../server/db'
import { deliverDueNotifications, type NotificationSender, type OutboxMessage } from '../../server/notifications/outbox'
import { createScheduler, DAY_MS, periodStartOf } from '../../server/jobs/scheduler'
import { notificationRoutes, notificationRoutesWith } from '../../server/routes/notifications'
import { routePlugins } from '../../server/routes'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { dbKinds, openTestDb, type TestDb } from './helpers/databases'

jest.setTimeout(120_000)

const SECRET = 'shared-work-secret-for-the-tests-0123456789'
const silent = { info: () => undefined, warn: () => undefined }

async function eventually(condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test('periods start at midnight and on the hour in Shanxi (UTC+8)', () => {
  // 2026-03-01 23:30 in Shanxi is 15:30 UTC: that day began at 2026-02-28 16:00 UTC.
  expect(periodStartOf(new Date('2026-03-01T15:30:00Z'), DAY_MS).toISOString()).toBe('2026-02-28T16:00:00.000Z')
  // Ten minutes later it is 00:10 on 2 March in Shanxi: a new day.
  expect(periodStartOf(new Date('2026-03-01T16:10:00Z'), DAY_MS).toISOString()).toBe('2026-03-01T16:00:00.000Z')
  expect(periodStartOf(new Date('2026-03-01T08:00:09.999Z'), 10_000).toISOString()).toBe('2026-03-01T08:00:00.000Z')
})

describe.each(dbKinds)('instances sharing one database on %s', (kind) => {
  let t: TestDb
  /** A second instance's own connections; the same one on PGlite, which one process holds. */
  let other: Db

  beforeAll(async () => {
    t = await openTestDb(kind)
    await migrate(t.db)
    other = kind === 'postgres' ? await t.openAnother() : t.db
  })
  afterAll(async () => {
    await t.cleanup()
  })

  test('a lock is held by one holder at a time, and free again afterwards', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = t.db.withLockIfFree('import', async () => {
      await held
      return 'first'
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await other.withLockIfFree('import', async () => 'second')).toEqual({ ran: false })
    // Another name is another lock.
    expect(await other.withLockIfFree('something else', async () => 'third')).toEqual({ ran: true, value: 'third' })
    release()
    expect(await first).toEqual({ ran: true, value: 'first' })
    expect(await other.withLockIfFree('import', async () => 'after')).toEqual({ ran: true, value: 'after' })
  })

  test('a notice reaches every listener when the transaction commits, not before, and never after a rollback', async () => {
    const heard: string[] = []
    const stopA = await t.db.listen('outbox', () => heard.push('a'))
    const stopB = await other.listen('outbox', () => heard.push('b'))
    try {
      await other.transaction(async (tx) => {
        await tx.query(notifySql('outbox'))
        await new Promise((resolve) => setTimeout(resolve, 100))
        expect(heard).toEqual([])
      })
      await eventually(() => heard.length >= 2)
      expect(heard.sort()).toEqual(['a', 'b'])
      await other
        .transaction(async (tx) => {
          await tx.query(notifySql('outbox'))
          throw new Error('changed my mind')
        })
        .catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(heard).toHaveLength(2)
    } finally {
      await stopA()
      await stopB()
    }
  })

  test('a job runs once per period across instances, and a failed period is run again', async () => {
    const clock = { now: new Date('2026-03-01T16:05:00Z') }
    let runs = 0
    let failNext = false
    const job = async () => {
      runs += 1
      await new Promise((resolve) => setTimeout(resolve, 50))
      if (failNext) {
        failNext = false
        throw new Error('the review system did not answer')
      }
    }
    const instances = [createScheduler(t.db, () => clock.now, silent), createScheduler(other, () => clock.now, silent)]
    for (const scheduler of instances) scheduler.runOncePerPeriod('daily-recheck', DAY_MS, job)
    try {
      // Both instances check at the same moment, three times: one run for the day.
      for (let i = 0; i < 3; i += 1) await Promise.all(instances.map((scheduler) => scheduler.runDue()))
      expect(runs).toBe(1)
      const recorded = await t.db.query<{ period_start: Date }>("SELECT period_start FROM scheduled_jobs WHERE name = 'daily-recheck'")
      expect(recorded.rows[0].period_start.toISOString()).toBe('2026-03-01T16:00:00.000Z')

      // The next day's run fails: it is not recorded, so the next check runs it again.
      clock.now = new Date('2026-03-02T16:01:00Z')
      failNext = true
      expect((await Promise.all(instances.map((scheduler) => scheduler.runDue()))).flat()).toEqual([])
      expect(runs).toBe(2)
      expect((await Promise.all(instances.map((scheduler) => scheduler.runDue()))).flat()).toEqual(['daily-recheck'])
      expect(runs).toBe(3)
      await instances[1].runDue()
      expect(runs).toBe(3)
    } finally {
      await Promise.all(instances.map((scheduler) => scheduler.close()))
    }
  })
})

describe.each(dbKinds)('the notification outbox with two instances delivering on %s', (kind) => {
  let a: ApplyTestApp
  const sent: OutboxMessage[] = []
  const recording = (): NotificationSender => ({
    async send(message) {
      // As slow as a call to WeChat, so that deliveries overlap.
      await new Promise((resolve) => setTimeout(resolve, 5))
      sent.push(message)
    },
  })

  beforeAll(async () => {
    a = await startApplyApp(kind, {
      envOverrides: { CASE_EVENTS_SECRET: SECRET },
      background: true,
      routes: routePlugins.map((plugin) => (plugin === notificationRoutes ? notificationRoutesWith(recording) : plugin)),
    })
  })
  afterAll(async () => {
    await a.close()
  })

  let sequence = 0
  async function application(who: { authorization: string }) {
    sequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1950-04-05', 300 + sequence * 2)
    return ApplicationResponseSchema.parse((await submit(a.app, who, input)).json())
  }

  test('a status change is sent as soon as it commits, without waiting for the retry sweep', async () => {
    const wang = await bearer(a.app, 'wang-xiuying-outbox')
    await a.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: wang, payload: { templateIds: ['tpl-status'] } })
    const mine = await application(wang)
    const dibao = mine.claims.find((claim) => claim.benefit === 'dibao')?.id ?? ''
    expect((await postCaseEvent(a.app, SECRET, { claimId: dibao, status: 'accepted' })).statusCode).toBe(200)
    await eventually(() => sent.some((message) => message.claimId === dibao))
    const row = await a.testDb.db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM notification_outbox WHERE claim_id = $1', [dibao])
    expect(row.rows).toEqual([{ state: 'sent', attempts: 1 }])
  })

  test('many messages, four deliverers at once: each message is sent exactly once', async () => {
    const dbs = kind === 'postgres' ? [a.testDb.db, await a.testDb.openAnother(), await a.testDb.openAnother(), await a.testDb.openAnother()] : [a.testDb.db, a.testDb.db]
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => bearer(a.app, `outbox-resident-${i}`)))
    for (const person of people) await a.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: person, payload: { templateIds: ['tpl-status', 'tpl-due'] } })
    const claims = (await Promise.all(people.map((person) => application(person)))).flatMap((body) => body.claims.map((claim) => claim.id))
    const pending = async () => (await a.testDb.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_outbox WHERE state = 'pending'")).rows[0].n
    await eventually(async () => (await pending()) === 0)
    sent.length = 0
    // Written straight into the outbox, as status changes would, but without a notice: the deliverers below race for them.
    for (const claimId of claims) {
      for (const templateId of ['tpl-status', 'tpl-due']) {
        await a.testDb.db.query(
          `INSERT INTO notification_outbox (id, user_id, template_id, claim_id, payload, state, attempts, next_attempt_at, created_at)
           SELECT gen_random_uuid(), a.owner_id, $2, c.id, $3, 'pending', 0, $4, $4 FROM claims c JOIN applications a ON a.id = c.application_id WHERE c.id = $1`,
          [claimId, templateId, JSON.stringify({ applicationId: '', benefit: 'dibao', status: 'accepted', statusLabel: '已受理', note: '', at: a.clock.now.toISOString() }), a.clock.now],
        )
      }
    }
    const total = claims.length * 2
    const sender = recording()
    // Each deliverer takes ten at a time until nothing is due, as the sweep does.
    const deliverAll = async (db: Db) => {
      while ((await deliverDueNotifications(db, sender, a.clock.now, 10)).sent > 0);
    }
    await Promise.all(dbs.map(deliverAll))
    expect(sent).toHaveLength(total)
    expect(new Set(sent.map((message) => message.id)).size).toBe(total)
    const states = await a.testDb.db.query<{ state: string; attempts: number; n: number }>('SELECT state, attempts, count(*)::int AS n FROM notification_outbox WHERE claim_id = ANY($1::uuid[]) GROUP BY state, attempts', [claims])
    expect(states.rows).toEqual([{ state: 'sent', attempts: 1, n: total }])
  })
})
