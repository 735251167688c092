// POST /api/v1/applications (idempotent), GET /api/v1/applications and GET /api/v1/applications/:id:
// what a resident's app sees when submitting once for several benefits, retrying, or looking it up.
import { randomUUID } from 'node:crypto'
import {
  ApplicationListSchema,
  ApplicationResponseSchema,
  CLAIM_STATUSES,
  CLOSED_CLAIM_STATUSES,
  SubmissionConflictSchema,
  type ApplicationRequestInput,
} from '@/domain/application'
import {
  LI_JIANGUO,
  LI_XIAOHONG,
  WANG_SHUFEN,
  ZHANG_GUILAN,
  ZHANG_GUILAN_DAUGHTER,
  ZHAO_MANCANG,
  residentIdNumber,
  wangShufenApplication,
  zhangGuilanApplication,
} from '../fixtures/applications'
import { bearer, fixture, issuesOf, startApplyApp, submit, upload, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** 王淑芬's application with the beneficiary replaced by someone else (a fresh ID number), so claims do not collide. */
function applicationFor(idNumber: string, name = '王淑芬'): ApplicationRequestInput {
  const input = wangShufenApplication()
  input.beneficiary.idNumber = idNumber
  input.beneficiary.name = name
  return input
}

let sequence = 100
/** A new resident of 太原市小店区 born in 1948, for tests that need a beneficiary nobody has applied for. */
function newResidentId(): string {
  sequence += 2
  return residentIdNumber('140105', '1948-06-15', sequence)
}

describe.each(dbKinds)('applications on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { LOG_LEVEL: 'trace' } })
  })
  afterAll(async () => {
    await t.close()
  })

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await t.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n

  describe('submitting', () => {
    test('201: an application number, one submitted claim per benefit with its timeline, masked personal data, what happens next', async () => {
      const me = await bearer(t.app, 'wang-shufen')
      const idCard = (await upload(t.app, me, { filename: '身份证.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') })).json().uploadId
      const hukou = (await upload(t.app, me, { filename: '户口簿.png', contentType: 'image/png', bytes: fixture('hukou-book.png') })).json().uploadId
      const input = wangShufenApplication()
      input.documents = [
        { documentId: 'hukou_book', uploadIds: [hukou] },
        { documentId: 'id_card', uploadIds: [idCard] },
      ]
      const response = await submit(t.app, me, input)
      expect(response.statusCode).toBe(201)
      const body = ApplicationResponseSchema.parse(response.json())
      const at = t.clock.now.toISOString()

      expect(body.id).toMatch(UUID)
      expect(body.createdAt).toBe(at)
      expect(body.applicant).toEqual({ kind: 'self' })
      expect(body.beneficiary).toEqual({
        name: '王淑芬',
        idNumber: '1401**********0025',
        phone: '138****2468',
        address: { cityCode: '140100', countyCode: '140105', place: '太原市小店区', township: '坞城街道', detail: '双塔西街 38 号院 5 号楼 2 单元 301' },
      })
      expect(body.members).toEqual([
        { name: '李建国', relation: 'child', idNumber: '1401**********2510' },
        { name: '李小红', relation: 'grandchild', idNumber: '1401**********0842' },
      ])
      expect(body.claims).toEqual([
        {
          id: expect.stringMatching(UUID),
          benefit: 'dibao',
          benefitName: '最低生活保障',
          status: 'submitted',
          statusLabel: '已提交',
          timeline: [{ status: 'submitted', statusLabel: '已提交', note: expect.stringContaining('受理'), at }],
        },
        {
          id: expect.stringMatching(UUID),
          benefit: 'high_age_allowance',
          benefitName: '高龄津贴',
          status: 'submitted',
          statusLabel: '已提交',
          timeline: [{ status: 'submitted', statusLabel: '已提交', note: expect.stringContaining('受理'), at }],
        },
      ])
      expect(body.documents).toEqual([
        { documentId: 'id_card', name: '身份证', uploadIds: [idCard] },
        { documentId: 'hukou_book', name: '户口簿', uploadIds: [hukou] },
      ])
      expect(body.missingDocuments.map((item) => item.documentId)).toEqual(['income_proof', 'economic_check_authorization'])
      expect(body.consents).toEqual({
        privacyVersion: '2026-01',
        sensitiveInfoVersion: '2026-01',
        economicCheck: [
          { memberIndex: 0, name: '王淑芬', confirmedAt: '2026-03-01T07:55:00.000Z' },
          { memberIndex: 1, name: '李建国', confirmedAt: '2026-03-01T07:55:00.000Z' },
        ],
      })
      expect(body.income).toEqual({ wages: 0, pension: 1150, business: 0, farming: 0, property: 0, support: 0, other: 200 })
      expect(body.nextSteps.join('')).toContain('收入证明')
      expect(body.nextSteps.join('')).toMatch(/一个月/)

      // Nothing unmasked anywhere in the answer.
      for (const secret of [WANG_SHUFEN.idNumber, LI_JIANGUO.idNumber, LI_XIAOHONG.idNumber, WANG_SHUFEN.phone]) expect(response.body).not.toContain(secret)

      // The same answer when read back.
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.id}`, headers: me })
      expect(read.statusCode).toBe(200)
      // GET adds what tracking needs (requests, decisions, who follows); the application itself is the same.
      expect(ApplicationResponseSchema.parse(read.json())).toEqual(body)
    })

    test('a relative applying for her mother: the applicant is shown with her relation and masked phone', async () => {
      const daughter = await bearer(t.app, 'guo-xiuying')
      const authorization = (await upload(t.app, daughter, { filename: '委托书.pdf', contentType: 'application/pdf', bytes: fixture('income-proof.pdf') })).json().uploadId
      const input = zhangGuilanApplication()
      input.documents = [{ documentId: 'relative_authorization', uploadIds: [authorization] }]
      const response = await submit(t.app, daughter, input)
      expect(response.statusCode).toBe(201)
      const body = ApplicationResponseSchema.parse(response.json())
      expect(body.applicant).toEqual({ kind: 'relative', relation: 'child', name: '郭秀英', phone: '186****2093' })
      expect(body.beneficiary).toMatchObject({ name: '张桂兰', idNumber: '1410**********0042', phone: null, address: { place: '临汾市襄汾县' } })
      expect(body.claims.map((claim) => [claim.benefit, claim.status])).toEqual([
        ['high_age_allowance', 'submitted'],
        ['home_modification_subsidy', 'submitted'],
      ])
      expect(body.consents.economicCheck).toEqual([])
      expect(response.body).not.toContain(ZHANG_GUILAN_DAUGHTER.phone)
      expect(ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.id}`, headers: daughter })).json())).toEqual(body)
    })

    test('needs sign-in', async () => {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: { 'idempotency-key': randomUUID() }, payload: wangShufenApplication() as Record<string, unknown> })).statusCode).toBe(401)
    })
  })

  describe('Idempotency-Key', () => {
    test('missing: 400, nothing stored', async () => {
      const me = await bearer(t.app, 'no-key')
      const before = await count('applications')
      const response = await submit(t.app, me, applicationFor(newResidentId()), null)
      expect(response.statusCode).toBe(400)
      expect(Object.keys(issuesOf(response))).toEqual(['idempotency-key'])
      expect(issuesOf(response)['idempotency-key']).toContain('Idempotency-Key')
      expect(await count('applications')).toBe(before)
    })

    test('the same key and body again: the first answer again, same status and body, one application', async () => {
      const me = await bearer(t.app, 'retrying-on-a-bad-line')
      const key = randomUUID()
      const input = applicationFor(newResidentId())
      const first = await submit(t.app, me, input, key)
      expect(first.statusCode).toBe(201)
      t.clock.now = new Date(t.clock.now.getTime() + 5 * 60_000)
      const again = await submit(t.app, me, input, key)
      expect(again.statusCode).toBe(201)
      expect(again.body).toBe(first.body)
      expect(again.headers['idempotent-replayed']).toBe('true')
      // The same answers with the keys in another order are the same request.
      const reordered = Object.fromEntries(Object.entries(input).reverse())
      expect((await submit(t.app, me, reordered, key)).body).toBe(first.body)
      expect(await count('applications', 'id = $1', [first.json().id])).toBe(1)
      expect(await count('claims', 'application_id = $1', [first.json().id])).toBe(2)
    })

    test('the same key with another body: 422, and the first application is unchanged', async () => {
      const me = await bearer(t.app, 'reusing-a-key')
      const key = randomUUID()
      const input = applicationFor(newResidentId())
      const first = await submit(t.app, me, input, key)
      const other = await submit(t.app, me, { ...input, benefits: ['dibao'] }, key)
      expect(other.statusCode).toBe(422)
      expect(other.json()).toMatchObject({ error: 'idempotency_key_reused' })
      expect(ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${first.json().id}`, headers: me })).json())).toEqual(first.json())
    })

    test('keys are per person: two people may use the same key', async () => {
      const key = randomUUID()
      const a = await submit(t.app, await bearer(t.app, 'key-owner-a'), applicationFor(newResidentId()), key)
      const b = await submit(t.app, await bearer(t.app, 'key-owner-b'), applicationFor(newResidentId()), key)
      expect([a.statusCode, b.statusCode]).toEqual([201, 201])
      expect(a.json().id).not.toBe(b.json().id)
    })

    test('50 concurrent identical submissions: exactly one application; every answer is the first response', async () => {
      const me = await bearer(t.app, 'impatient-tapper')
      const key = randomUUID()
      const input = applicationFor(newResidentId())
      const answers = await Promise.all(Array.from({ length: 50 }, () => submit(t.app, me, input, key)))

      const rows = await t.testDb.db.query<{ id: string }>(
        'SELECT a.id FROM applications a JOIN users u ON u.id = a.owner_id WHERE a.idempotency_key = $1',
        [key],
      )
      expect(rows.rows).toHaveLength(1)
      const id = rows.rows[0].id
      expect(await count('claims', 'application_id = $1', [id])).toBe(2)
      expect(await count('claim_events e JOIN claims c ON c.id = e.claim_id', 'c.application_id = $1', [id])).toBe(2)

      // API.md allows 409 for a concurrent duplicate; this server waits for the first to commit and
      // answers every duplicate with the first response.
      const first = answers.find((answer) => answer.statusCode === 201)
      expect(first?.json().id).toBe(id)
      for (const answer of answers) expect({ status: answer.statusCode, body: answer.body }).toEqual({ status: 201, body: first?.body })
    })
  })

  describe('a second open claim for the same person and benefit', () => {
    test('is 409 duplicate_claim with the existing application’s id; other benefits can still be applied for', async () => {
      const me = await bearer(t.app, 'applies-twice')
      const idNumber = newResidentId()
      const first = await submit(t.app, me, applicationFor(idNumber))
      expect(first.statusCode).toBe(201)

      // A new key and the same person: 低保 is already open.
      const again = { ...applicationFor(idNumber), benefits: ['dibao', 'home_modification_subsidy'] as ApplicationRequestInput['benefits'] }
      const duplicate = await submit(t.app, me, again)
      expect(duplicate.statusCode).toBe(409)
      expect(SubmissionConflictSchema.parse(duplicate.json())).toEqual({
        error: 'duplicate_claim',
        message: expect.stringContaining('查进度'),
        existingApplicationId: first.json().id,
        benefits: ['dibao'],
      })
      // The same number typed with spaces is the same person.
      const spaced = applicationFor(`${idNumber.slice(0, 6)} ${idNumber.slice(6)}`)
      expect((await submit(t.app, me, spaced)).json()).toMatchObject({ error: 'duplicate_claim', existingApplicationId: first.json().id })

      const other = await submit(t.app, me, { ...applicationFor(idNumber), benefits: ['home_modification_subsidy'] })
      expect(other.statusCode).toBe(201)
    })

    test('made by someone else is refused too, without revealing their application', async () => {
      const idNumber = newResidentId()
      const son = await submit(t.app, await bearer(t.app, 'the-son'), applicationFor(idNumber))
      expect(son.statusCode).toBe(201)
      const daughter = await submit(t.app, await bearer(t.app, 'the-daughter'), applicationFor(idNumber))
      expect(daughter.statusCode).toBe(409)
      expect(daughter.json()).toEqual({ error: 'duplicate_claim', message: expect.any(String), benefits: ['dibao', 'high_age_allowance'] })
      expect(daughter.body).not.toContain(son.json().id)
    })

    test('is allowed again once the earlier claim is closed (refused, withdrawn or referred)', async () => {
      const me = await bearer(t.app, 'tries-again-after-refusal')
      const idNumber = newResidentId()
      const first = await submit(t.app, me, applicationFor(idNumber))
      await t.testDb.db.query(`UPDATE claims SET status = 'rejected' WHERE application_id = $1 AND benefit = 'dibao'`, [first.json().id])
      const second = await submit(t.app, me, { ...applicationFor(idNumber), benefits: ['dibao'] })
      expect(second.statusCode).toBe(201)
    })

    test('the database refuses a second open claim by the same rule as the domain (closed: refused, withdrawn, referred)', async () => {
      const index = await t.testDb.db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'claims_one_open_per_beneficiary_benefit'`)
      const definition = index.rows[0].indexdef
      expect(definition).toMatch(/UNIQUE/)
      for (const status of CLAIM_STATUSES) expect({ status, named: definition.includes(`'${status}'`) }).toEqual({ status, named: CLOSED_CLAIM_STATUSES.includes(status) })
    })

    test('concurrent submissions with different keys for the same person: one application gets the claim', async () => {
      const idNumber = newResidentId()
      const people = await Promise.all(['sibling-1', 'sibling-2', 'sibling-3', 'sibling-4', 'sibling-5'].map((code) => bearer(t.app, code)))
      const answers = await Promise.all(people.map((person) => submit(t.app, person, applicationFor(idNumber))))
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409, 409])
      for (const answer of answers.filter((each) => each.statusCode === 409)) expect(answer.json()).toMatchObject({ error: 'duplicate_claim' })
      const hash = await t.testDb.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM claims WHERE beneficiary_id_hash = (SELECT beneficiary_id_hash FROM claims c JOIN applications a ON a.id = c.application_id WHERE a.id = $1 LIMIT 1)`,
        [answers.find((answer) => answer.statusCode === 201)?.json().id],
      )
      expect(hash.rows[0].n).toBe(2)
    })
  })

  describe('documents', () => {
    test('an upload that is not the submitter’s is 400 at its path, and nothing is stored', async () => {
      const wang = await bearer(t.app, 'wang-shufen-docs')
      const zhao = await bearer(t.app, 'zhao-mancang-docs')
      const mine = (await upload(t.app, wang, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') })).json().uploadId
      const theirs = (await upload(t.app, zhao, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') })).json().uploadId
      const input = applicationFor(newResidentId())
      input.documents = [
        { documentId: 'id_card', uploadIds: [mine] },
        { documentId: 'hukou_book', uploadIds: [mine, theirs, '6d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'] },
      ]
      const before = await count('applications')
      const response = await submit(t.app, wang, input)
      expect(response.statusCode).toBe(400)
      expect(issuesOf(response)).toEqual({
        'documents.1.uploadIds.1': '找不到这个文件，请重新上传',
        'documents.1.uploadIds.2': '找不到这个文件，请重新上传',
      })
      expect(await count('applications')).toBe(before)
    })
  })

  describe('personal data', () => {
    test('ID numbers, phones and street addresses are encrypted at rest, the answer kept for replays too', async () => {
      const me = await bearer(t.app, 'zhao-mancang')
      const input = applicationFor(ZHAO_MANCANG.idNumber, ZHAO_MANCANG.name)
      input.beneficiary.phone = ZHAO_MANCANG.phone
      input.beneficiary.address = { cityCode: '140200', countyCode: '140213', township: '新建南路街道', detail: '魏都大道 88 号' }
      input.members = []
      input.consents.economicCheck = [{ memberIndex: 0, confirmedAt: '2026-03-01T07:59:00.000Z' }]
      const response = await submit(t.app, me, input)
      expect(response.statusCode).toBe(201)
      expect(response.json().beneficiary.idNumber).toBe('1402**********001X')

      const raw = JSON.stringify(
        await Promise.all(
          ['applications', 'application_people', 'claims', 'claim_events', 'application_consents', 'economic_check_confirmations', 'application_documents'].map(
            async (table) => (await t.testDb.db.query(`SELECT * FROM ${table}`)).rows,
          ),
        ),
      )
      for (const secret of [ZHAO_MANCANG.idNumber, ZHAO_MANCANG.idNumber.toLowerCase(), ZHAO_MANCANG.phone, '魏都大道 88 号', WANG_SHUFEN.idNumber, LI_JIANGUO.idNumber, ZHANG_GUILAN.idNumber]) {
        expect(raw).not.toContain(secret)
      }
      const person = await t.testDb.db.query<{ id_number_sealed: string; id_number_hash: string }>(
        `SELECT p.id_number_sealed, p.id_number_hash FROM application_people p WHERE p.application_id = $1 AND p.role = 'beneficiary'`,
        [response.json().id],
      )
      expect(person.rows[0].id_number_sealed).toMatch(/^v1\./)
      expect(person.rows[0].id_number_hash).toMatch(/^[0-9a-f]{64}$/)
    })

    test('logs name applications by id and count, never ID numbers, phones, names or addresses', async () => {
      const me = await bearer(t.app, 'log-check')
      const idNumber = newResidentId()
      const ok = await submit(t.app, me, applicationFor(idNumber))
      await submit(t.app, me, applicationFor(idNumber))
      const bad = applicationFor(idNumber)
      bad.members[0].idNumber = `${LI_JIANGUO.idNumber.slice(0, 17)}9`
      await submit(t.app, me, bad)
      await t.app.inject({ method: 'PUT', url: '/api/v1/drafts/current', headers: me, payload: { payload: { idNumber, phone: WANG_SHUFEN.phone }, updatedAt: null } })
      const output = t.logs.join('')
      expect(output).toContain(ok.json().id)
      expect(output).toContain('application submitted')
      for (const secret of [idNumber, LI_JIANGUO.idNumber, `${LI_JIANGUO.idNumber.slice(0, 17)}9`, WANG_SHUFEN.phone, '王淑芬', '双塔西街']) {
        expect(output).not.toContain(secret)
      }
    })
  })

  describe('reading', () => {
    test('GET /applications lists one’s own, newest first, with each claim’s status; nobody else’s', async () => {
      const me = await bearer(t.app, 'lists-her-own')
      const older = await submit(t.app, me, zhangGuilanApplicationFor(newResidentId()))
      t.clock.now = new Date(t.clock.now.getTime() + 60_000)
      const newer = await submit(t.app, me, applicationFor(newResidentId()))
      await submit(t.app, await bearer(t.app, 'someone-else-lists'), applicationFor(newResidentId()))

      const response = await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: me })
      expect(response.statusCode).toBe(200)
      const list = ApplicationListSchema.parse(response.json())
      expect(list.applications.map((application) => application.id)).toEqual([newer.json().id, older.json().id])
      expect(list.applications[0]).toEqual({
        id: newer.json().id,
        reference: newer.json().reference,
        createdAt: t.clock.now.toISOString(),
        role: 'owner',
        beneficiary: { name: '王淑芬', idNumber: expect.stringMatching(/^1401\*{10}\d{3}[\dX]$/) },
        claims: [
          { id: newer.json().claims[0].id, benefit: 'dibao', benefitName: '最低生活保障', status: 'submitted', statusLabel: '已提交', updatedAt: t.clock.now.toISOString() },
          { id: newer.json().claims[1].id, benefit: 'high_age_allowance', benefitName: '高龄津贴', status: 'submitted', statusLabel: '已提交', updatedAt: t.clock.now.toISOString() },
        ],
        nextAction: null,
      })
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: await bearer(t.app, 'has-none-yet') })).json()).toEqual({ applications: [] })
    })

    test('another person’s application is 404, the same as one that does not exist; a malformed id is 400', async () => {
      const owner = await bearer(t.app, 'owner-of-one')
      const stranger = await bearer(t.app, 'stranger')
      const { id } = (await submit(t.app, owner, applicationFor(newResidentId()))).json()
      const theirs = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: stranger })
      const nobodys = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${randomUUID()}`, headers: stranger })
      expect(theirs.statusCode).toBe(404)
      expect(theirs.body).toBe(nobodys.body)
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}` })).statusCode).toBe(401)
      const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/applications/42', headers: stranger })
      expect(malformed.statusCode).toBe(400)
      expect(Object.keys(issuesOf(malformed))).toEqual(['id'])
    })
  })

  describe('a malformed submission is 400 with the paths, and nothing is stored', () => {
    test.each<[string, (input: ApplicationRequestInput) => unknown, string[]]>([
      ['an empty body', () => ({}), ['applicant', 'assets', 'beneficiary', 'benefits', 'consents', 'documents', 'income', 'members']],
      ['a wrong check digit', (input) => ({ ...input, beneficiary: { ...input.beneficiary, idNumber: '140105194912310024' } }), ['beneficiary.idNumber']],
      ['a 15-digit ID number', (input) => ({ ...input, members: [{ ...input.members[0], idNumber: '140107830704251' }, input.members[1]] }), ['members.0.idNumber']],
      [
        'a member listed twice',
        (input) => ({ ...input, members: [...input.members, { name: '李建国', relation: 'child', idNumber: LI_JIANGUO.idNumber }] }),
        ['members.2.idNumber'],
      ],
      ['a landline as the phone', (input) => ({ ...input, beneficiary: { ...input.beneficiary, phone: '0351-7654321' } }), ['beneficiary.phone']],
      ['no benefit', (input) => ({ ...input, benefits: [] }), ['benefits']],
      ['a county of another city', (input) => ({ ...input, beneficiary: { ...input.beneficiary, address: { ...input.beneficiary.address, countyCode: '140213' } } }), ['beneficiary.address.countyCode']],
      ['negative income', (input) => ({ ...input, income: { ...input.income, pension: -1 } }), ['income.pension']],
      ['an outdated privacy guide', (input) => ({ ...input, consents: { ...input.consents, privacyVersion: '2019-05' } }), ['consents.privacyVersion']],
      ['a malformed upload id', (input) => ({ ...input, documents: [{ documentId: 'id_card', uploadIds: ['IMG_0001.jpg'] }] }), ['documents.0.uploadIds.0']],
      ['an adult who has not authorised the economic check', (input) => ({ ...input, consents: { ...input.consents, economicCheck: [input.consents.economicCheck[0]] } }), ['consents.economicCheck']],
    ])('%s', async (_label, change, paths) => {
      const me = await bearer(t.app, 'makes-mistakes')
      const before = await count('applications')
      const response = await submit(t.app, me, change(applicationFor(newResidentId())))
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) })
      expect(Object.keys(issuesOf(response)).sort()).toEqual(paths)
      for (const message of Object.values(issuesOf(response))) expect(message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await count('applications')).toBe(before)
    })

    test('a body that is not JSON', async () => {
      const me = await bearer(t.app, 'makes-mistakes')
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...me, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
        payload: '{"applicant": ',
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: 'invalid_json' })
    })
  })

  test('the OpenAPI document describes the apply routes', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/drafts/current', '/api/v1/uploads', '/api/v1/uploads/{id}', '/api/v1/applications', '/api/v1/applications/{id}']),
    )
    const submitting = document.paths['/api/v1/applications'].post
    expect(submitting.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: true })]))
    expect(Object.keys(submitting.responses)).toEqual(expect.arrayContaining(['201', '409']))
  })

  test('submissions are rate limited per person (429 with Retry-After)', async () => {
    const limited = await startApplyApp(kind, { rateLimits: { submission: { max: 2, timeWindow: '1 hour' } } })
    try {
      const me = await bearer(limited.app, 'submits-a-lot')
      expect((await submit(limited.app, me, applicationFor(newResidentId()))).statusCode).toBe(201)
      expect((await submit(limited.app, me, applicationFor(newResidentId()))).statusCode).toBe(201)
      const third = await submit(limited.app, me, applicationFor(newResidentId()))
      expect(third.statusCode).toBe(429)
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
      expect((await submit(limited.app, await bearer(limited.app, 'submits-once'), applicationFor(newResidentId()))).statusCode).toBe(201)
    } finally {
      await limited.close()
    }
  })
})

/** 张桂兰's application (a daughter applying) for another 87-year-old. */
function zhangGuilanApplicationFor(idNumber: string): ApplicationRequestInput {
  const input = zhangGuilanApplication()
  input.beneficiary.idNumber = idNumber
  return input
}
