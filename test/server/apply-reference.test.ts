// 申请编号: every application has a short reference a person can read out on the phone (JX + the Shanxi
// date + 4 characters), the same in the answer to submitting, the list, the application and status messages.
import { randomUUID } from 'node:crypto'
import { ApplicationListSchema, ApplicationResponseSchema, REFERENCE_ALPHABET } from '@/domain/application'
import { ApplicationDetailSchema } from '@/domain/claims'
import { migrate } from '../../server/db'
import { submitApplication } from '../../server/applications/submit'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'
import { databaseBefore } from './helpers/migrations'

jest.setTimeout(120_000)

const SECRET = 'reference-test-secret-0123456789abcdef'
const REFERENCE = /^JX\d{8}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$/

let sequence = 300
/** A resident of 太原市小店区 nobody has applied for yet. */
function anotherResident() {
  const input = wangShufenApplication()
  sequence += 2
  input.beneficiary.idNumber = residentIdNumber('140105', '1948-06-15', sequence)
  return input
}

describe.each(dbKinds)('application references on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
  })
  afterAll(async () => {
    await t.close()
  })

  test('王淑芬 reads the same short number on the success page, in her list, on the application and in its status message', async () => {
    const wang = await bearer(t.app, 'wang-shufen-reference')
    await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: wang, payload: { templateIds: ['tpl-progress'] } })
    // 16:00 in Taiyuan on 1 March.
    t.clock.now = new Date('2026-03-01T08:00:00Z')
    const submitted = ApplicationResponseSchema.parse((await submit(t.app, wang, anotherResident())).json())
    expect(submitted.reference).toMatch(/^JX20260301-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$/)

    const list = ApplicationListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: wang })).json())
    expect(list.applications.map((line) => line.reference)).toEqual([submitted.reference])
    const detail = ApplicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${submitted.id}`, headers: wang })).json())
    expect(detail.reference).toBe(submitted.reference)

    await postCaseEvent(t.app, SECRET, { claimId: submitted.claims[0].id, status: 'accepted' })
    const queued = await t.testDb.db.query<{ payload: { reference: string } }>('SELECT payload FROM notification_outbox WHERE claim_id = $1', [submitted.claims[0].id])
    expect(queued.rows.map((row) => row.payload.reference)).toEqual([submitted.reference])
  })

  test('the date is Shanxi’s: a submission at 01:30 on 2 March in Taiyuan (17:30 UTC on 1 March) is JX20260302', async () => {
    t.clock.now = new Date('2026-03-01T17:30:00Z')
    const body = (await submit(t.app, await bearer(t.app, 'late-evening'), anotherResident())).json()
    expect(body.reference).toMatch(/^JX20260302-/)
  })

  test('a replayed submission answers the same reference; two applications never share one', async () => {
    const me = await bearer(t.app, 'submits-twice')
    const key = randomUUID()
    const input = anotherResident()
    const first = (await submit(t.app, me, input, key)).json()
    const again = (await submit(t.app, me, input, key)).json()
    expect(again.reference).toBe(first.reference)
    const other = (await submit(t.app, me, anotherResident())).json()
    expect(other.reference).not.toBe(first.reference)
  })

  test('when the drawn reference is taken already, the submission draws again instead of failing', async () => {
    const owner = (await t.testDb.db.query<{ id: string }>("INSERT INTO users (id, openid_hash, openid_sealed, created_at, last_sign_in_at) VALUES ($1, $2, 'x', now(), now()) RETURNING id", [randomUUID(), randomUUID()])).rows[0].id
    const now = new Date('2026-04-02T02:00:00Z')
    // Every draw picks the first character (2) until told otherwise.
    let next = 0
    const pick = () => next
    const first = await submitApplication(t.testDb.db, t.app.fieldCrypto, { ownerId: owner, idempotencyKey: randomUUID(), request: anotherResident(), now, pickReferenceCharacter: pick })
    expect(first.body.reference).toBe('JX20260402-2222')

    let draws = 0
    const second = await submitApplication(t.testDb.db, t.app.fieldCrypto, {
      ownerId: owner,
      idempotencyKey: randomUUID(),
      request: anotherResident(),
      now,
      pickReferenceCharacter: () => {
        draws += 1
        // The first four characters repeat the taken reference; the next four are all 3.
        next = draws <= 4 ? 0 : 1
        return next
      },
    })
    expect(second.body.reference).toBe('JX20260402-3333')
    const stored = await t.testDb.db.query<{ reference: string }>('SELECT reference FROM applications WHERE id = ANY ($1::uuid[]) ORDER BY reference', [[first.body.id, second.body.id]])
    expect(stored.rows.map((row) => row.reference)).toEqual(['JX20260402-2222', 'JX20260402-3333'])
  })
})

test('applications made before references existed are given one by the migration, with the Shanxi date they were made', async () => {
  const testDb = await databaseBefore('050')
  try {
    const user = randomUUID()
    await testDb.db.query("INSERT INTO users (id, openid_hash, openid_sealed, created_at, last_sign_in_at) VALUES ($1, 'h', 's', now(), now())", [user])
    const applications = [randomUUID(), randomUUID(), randomUUID()]
    for (const [index, id] of applications.entries()) {
      await testDb.db.query(
        `INSERT INTO applications (id, owner_id, idempotency_key, request_hash, response_status, response_sealed, details, created_at)
         VALUES ($1, $2, $3, 'hash', 201, 'sealed', '{}', $4)`,
        [id, user, `key-${index}`, index === 0 ? '2026-03-01T17:30:00Z' : '2026-03-01T08:00:00Z'],
      )
    }
    const claim = randomUUID()
    await testDb.db.query("INSERT INTO claims (id, application_id, benefit, status, beneficiary_id_hash, created_at, updated_at) VALUES ($1, $2, 'dibao', 'accepted', 'h', now(), now())", [claim, applications[0]])
    await testDb.db.query(
      `INSERT INTO notification_outbox (id, user_id, template_id, claim_id, payload, state, next_attempt_at, created_at)
       VALUES ($1, $2, 'tpl', $3, '{"status": "accepted"}', 'pending', now(), now())`,
      [randomUUID(), user, claim],
    )

    await migrate(testDb.db)

    const references = await testDb.db.query<{ id: string; reference: string }>('SELECT id, reference FROM applications')
    const byId = new Map(references.rows.map((row) => [row.id, row.reference]))
    expect(byId.get(applications[0])).toMatch(/^JX20260302-/)
    expect(byId.get(applications[1])).toMatch(/^JX20260301-/)
    for (const reference of byId.values()) expect(reference).toMatch(REFERENCE)
    expect(new Set(byId.values()).size).toBe(3)
    const outbox = await testDb.db.query<{ payload: { reference: string; status: string } }>('SELECT payload FROM notification_outbox')
    expect(outbox.rows[0].payload).toEqual({ status: 'accepted', reference: byId.get(applications[0]) })
  } finally {
    await testDb.cleanup()
  }
})

test('the alphabet leaves out the characters easily mistaken for one another: 0 and O, 1 and I', () => {
  expect(REFERENCE_ALPHABET).toHaveLength(32)
  for (const character of ['0', '1', 'I', 'O']) expect(REFERENCE_ALPHABET).not.toContain(character)
})
