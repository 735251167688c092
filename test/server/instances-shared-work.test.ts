// Work that several instances on one database share: locks, notices between connections, scheduled jobs
// once per period, and outbox messages each sent once however many instances deliver at the same time.
// In-process, two instances are two connections (pools) to the same schema; on PGlite, one connection is the
// trivial case. At the end, two real server processes behind no more than a round-robin of requests.
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'
import { ApplicationResponseSchema } from '@/domain/application'
import { facilityIdFor } from '../../server/facilities/ids'
import { hmacSha256Hex } from '../../server/crypto'
import { migrate, notifySql, openPostgres, readMigrations, type Db } from '../../server/db'
import { deliverDueNotifications, type NotificationSender, type OutboxMessage } from '../../server/notifications/outbox'
import { createScheduler, DAY_MS, periodStartOf } from '../../server/jobs/scheduler'
import { notificationRoutes, notificationRoutesWith } from '../../server/routes/notifications'
import { routePlugins } from '../../server/routes'
import { residentIdNumber, wangShufenApplication, zhangGuilanApplication } from '../fixtures/applications'
import { bearer, fixture, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { databaseUrl, dbKinds, freshSchemaName, openTestDb, type TestDb } from './helpers/databases'
import { tempDir } from './helpers/files'
import { startServerProcess, type ServerProcess } from './helpers/processes'

jest.setTimeout(120_000)

const SECRET = 'shared-work-secret-for-the-tests-0123456789'
const redisUrl = process.env.REDIS_URL
const root = path.resolve(__dirname, '../..')
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

      // The next day's run fails on one instance: it is not recorded, so the other's next check runs it again.
      clock.now = new Date('2026-03-02T16:01:00Z')
      failNext = true
      expect(await instances[0].runDue()).toEqual([])
      expect(runs).toBe(2)
      expect(await instances[1].runDue()).toEqual(['daily-recheck'])
      expect(runs).toBe(3)
      await Promise.all(instances.map((scheduler) => scheduler.runDue()))
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
    await eventually(() => sent.some((message) => message.kind === 'status' && message.claimId === dibao))
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

// Two real server processes on one PostgreSQL schema and one Redis, as behind a load balancer. Runs when
// DATABASE_URL and REDIS_URL are set (.ci/run sets both when they answer); fails, never skips, when they
// are set and do not answer.
if (databaseUrl && redisUrl) {
  describe('two server processes on one PostgreSQL schema and one Redis', () => {
    const postgresUrl = databaseUrl ?? ''
    const redisAt = redisUrl ?? ''
    const schema = freshSchemaName()
    const prefix = `test:${schema}:`
    const withSchema = new URL(postgresUrl)
    withSchema.searchParams.set('options', `-c search_path=${schema}`)
    let admin: Db
    let a: ServerProcess
    let b: ServerProcess
    const data = tempDir('jinxin-two-instances-')

    beforeAll(async () => {
      admin = await openPostgres({ url: postgresUrl, schema })
      const env = {
        DATABASE_URL: withSchema.toString(),
        REDIS_URL: redisAt,
        REDIS_PREFIX: prefix,
        CASE_EVENTS_SECRET: SECRET,
        TRUST_PROXY: 'true',
        DATA_DIR: data.dir,
      }
      // Started together, as after a deployment: both migrate and one seeds the sample facilities.
      ;[a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)])
    }, 400_000)
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()])
      await admin?.close()
      const cleanup = new pg.Client({ connectionString: postgresUrl })
      await cleanup.connect()
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await cleanup.end()
      const redis = new Redis(redisAt)
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      await redis.quit()
      data.remove()
    })

    /** A request from a phone at `address` (the load balancer's X-Forwarded-For). */
    async function call(server: ServerProcess, method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; address?: string } = {}) {
      const headers: Record<string, string> = { 'x-forwarded-for': options.address ?? '198.51.100.20', ...options.headers }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      let body: BodyInit | undefined
      if (options.body instanceof FormData) body = options.body
      else if (options.body !== undefined) {
        headers['content-type'] = 'application/json'
        body = JSON.stringify(options.body)
      }
      const response = await fetch(`${server.url}${url}`, { method, headers, body })
      const bytes = Buffer.from(await response.arrayBuffer())
      return { status: response.status, bytes, json: () => JSON.parse(bytes.toString('utf8')) as Record<string, unknown> & { id?: string } }
    }
    const signInOn = async (server: ServerProcess, code: string) => (await call(server, 'POST', '/api/v1/auth/wechat', { body: { code } })).json().token as string

    test('both are ready and share one database', async () => {
      for (const server of [a, b]) expect((await call(server, 'GET', '/api/v1/ready')).json()).toEqual({ status: 'ready' })
      const migrations = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(migrations.rows[0].n).toBe(readMigrations().length)
    })

    test('a person signed in on one is signed in on the other; drafts saved on either stay consistent', async () => {
      const token = await signInOn(a, 'wang-xiuying-two')
      const saved = await call(b, 'PUT', '/api/v1/drafts/current', { token, body: { payload: { step: 'household', name: '王秀英' }, updatedAt: null } })
      expect(saved.status).toBe(200)
      const read = await call(a, 'GET', '/api/v1/drafts/current', { token })
      expect(read.json()).toEqual(saved.json())
      const next = await call(a, 'PUT', '/api/v1/drafts/current', { token, body: { payload: { step: 'income' }, updatedAt: saved.json().updatedAt } })
      expect(next.status).toBe(200)
      // The second phone, still on the first version, is told through the other instance.
      const stale = await call(b, 'PUT', '/api/v1/drafts/current', { token, body: { payload: { step: 'documents' }, updatedAt: saved.json().updatedAt } })
      expect(stale.status).toBe(409)
      expect(stale.json()).toMatchObject({ error: 'stale_draft', current: { payload: { step: 'income' } } })
    })

    test('a document uploaded through one is read and submitted through the other', async () => {
      const token = await signInOn(a, 'wang-shufen-two')
      const form = new FormData()
      const photo = fixture('id-card.jpg')
      form.append('file', new Blob([photo], { type: 'image/jpeg' }), '身份证.jpg')
      const uploaded = await call(a, 'POST', '/api/v1/uploads', { token, body: form })
      expect(uploaded.status).toBe(201)
      const { uploadId, size } = uploaded.json() as { uploadId: string; size: number }
      const back = await call(b, 'GET', `/api/v1/uploads/${uploadId}`, { token })
      expect(back.status).toBe(200)
      expect(back.bytes.length).toBe(size)
      const input = wangShufenApplication()
      input.documents = [{ documentId: 'id_card', uploadIds: [uploadId] }]
      const submitted = await call(b, 'POST', '/api/v1/applications', { token, body: input, headers: { 'idempotency-key': randomUUID() } })
      expect(submitted.status).toBe(201)
    })

    test('one Idempotency-Key sent to both at once makes one application', async () => {
      const token = await signInOn(b, 'zhang-guilan-two')
      const key = randomUUID()
      const input = zhangGuilanApplication()
      const answers = await Promise.all([a, b, a, b].map((server) => call(server, 'POST', '/api/v1/applications', { token, body: input, headers: { 'idempotency-key': key } })))
      const created = answers.filter((answer) => answer.status === 201)
      expect(created.length).toBeGreaterThan(0)
      expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true)
      expect(new Set(created.map((answer) => answer.json().id)).size).toBe(1)
      const stored = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM applications WHERE idempotency_key = $1', [key])
      expect(stored.rows[0].n).toBe(1)
    })

    test('status changes with both outboxes running: every message is sent exactly once', async () => {
      const people = await Promise.all(Array.from({ length: 4 }, (_, i) => signInOn(i % 2 === 0 ? a : b, `outbox-two-${i}`)))
      const claims: string[] = []
      for (const [i, token] of people.entries()) {
        await call(a, 'POST', '/api/v1/subscriptions', { token, body: { templateIds: ['tpl-status', 'tpl-due'] } })
        const input = wangShufenApplication()
        input.beneficiary.idNumber = residentIdNumber('140105', '1948-06-07', 500 + i * 2)
        const body = ApplicationResponseSchema.parse((await call(b, 'POST', '/api/v1/applications', { token, body: input, headers: { 'idempotency-key': randomUUID() } })).json())
        claims.push(...body.claims.map((claim) => claim.id))
      }
      // The review system's events arrive at both instances at once, as the load balancer spreads them.
      const events = claims.map((claimId, i) => {
        const bytes = JSON.stringify({ eventId: randomUUID(), claimId, status: 'accepted' })
        return call(i % 2 === 0 ? a : b, 'POST', '/api/v1/case-events', { body: JSON.parse(bytes), headers: { 'x-signature': `sha256=${hmacSha256Hex(SECRET, bytes)}` } })
      })
      expect((await Promise.all(events)).map((answer) => answer.status)).toEqual(claims.map(() => 200))
      const expected = claims.length * 2
      await eventually(async () => (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_outbox WHERE state = 'sent' AND claim_id = ANY($1::uuid[])", [claims])).rows[0].n === expected, 20_000)
      await new Promise((resolve) => setTimeout(resolve, 500))
      const sentLines = [...a.logged('notification sent (development sender)'), ...b.logged('notification sent (development sender)')].filter((entry) => claims.includes(String(entry.claimId)))
      expect(sentLines).toHaveLength(expected)
      expect(new Set(sentLines.map((entry) => entry.notificationId)).size).toBe(expected)
      // Each was claimed once and sent at the first attempt.
      const rows = await admin.query<{ attempts: number }>('SELECT attempts FROM notification_outbox WHERE claim_id = ANY($1::uuid[])', [claims])
      expect(rows.rows.every((row) => row.attempts === 1)).toBe(true)
    })

    test('a facility import by the command reaches both instances’ indexes within seconds', async () => {
      const id = facilityIdFor('xd-test-001')
      for (const server of [a, b]) expect((await call(server, 'GET', `/api/v1/facilities/${id}`)).status).toBe(404)
      const imported = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['server/facilities/importCli.ts', 'test/fixtures/facilities/valid.csv'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: withSchema.toString() },
        encoding: 'utf8',
        timeout: 120_000,
      })
      expect(imported.status).toBe(0)
      const started = Date.now()
      await eventually(async () => (await Promise.all([a, b].map((server) => call(server, 'GET', `/api/v1/facilities/${id}`)))).every((answer) => answer.status === 200), 5_000)
      expect(Date.now() - started).toBeLessThan(5_000)
      expect((await call(b, 'GET', `/api/v1/facilities/${id}`)).json()).toMatchObject({ name: '坞城街道测试老年助餐点', sample: false })
    })

    test('sign-ins from one address are counted across both: 30 a minute in all, then 429 on either', async () => {
      const answers: number[] = []
      for (let i = 0; i < 40; i += 1) answers.push((await call(i % 2 === 0 ? a : b, 'POST', '/api/v1/auth/wechat', { body: { code: `nat-${i}` }, address: '203.0.113.7' })).status)
      expect(answers.slice(0, 30)).toEqual(Array(30).fill(200))
      expect(answers.slice(30)).toEqual(Array(10).fill(429))
    })
  })
}
