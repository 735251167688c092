// GET/PUT /api/v1/drafts/current: the form is saved as a resident goes; a write based on an old version
// is refused with the current one, never silently overwriting what another phone saved.
import { DRAFT_MAX_BYTES, DraftSchema, StaleDraftErrorSchema } from '@/domain/application'
import { WANG_SHUFEN } from '../fixtures/applications'
import { bearer, issuesOf, startApplyApp, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(60_000)

const URL = '/api/v1/drafts/current'

describe.each(dbKinds)('drafts on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind)
  })
  afterAll(async () => {
    await t.close()
  })

  const put = (headers: { authorization: string }, body: unknown) => t.app.inject({ method: 'PUT', url: URL, headers, payload: body as Record<string, unknown> })
  const get = (headers: { authorization: string }) => t.app.inject({ method: 'GET', url: URL, headers })

  test('needs sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'PUT', url: URL, payload: { payload: {}, updatedAt: null } })).statusCode).toBe(401)
  })

  test('there is none at first (404 no_draft); a first save, then each save based on the last one', async () => {
    const me = await bearer(t.app, 'wang-shufen-drafts')
    const none = await get(me)
    expect(none.statusCode).toBe(404)
    expect(none.json()).toMatchObject({ error: 'no_draft' })

    const first = await put(me, { payload: { step: 'applicant', applicant: { kind: 'self' } }, updatedAt: null })
    expect(first.statusCode).toBe(200)
    const saved = DraftSchema.parse(first.json())
    expect(saved).toEqual({ payload: { step: 'applicant', applicant: { kind: 'self' } }, updatedAt: t.clock.now.toISOString() })

    // The clock has not moved: the next version still gets its own, later updatedAt.
    const second = await put(me, { payload: { step: 'identity', name: WANG_SHUFEN.name }, updatedAt: saved.updatedAt })
    expect(second.statusCode).toBe(200)
    expect(Date.parse(second.json().updatedAt)).toBeGreaterThan(Date.parse(saved.updatedAt))

    t.clock.now = new Date(t.clock.now.getTime() + 60_000)
    const third = await put(me, { payload: { step: 'household', name: WANG_SHUFEN.name }, updatedAt: second.json().updatedAt })
    expect(third.json().updatedAt).toBe(t.clock.now.toISOString())
    expect((await get(me)).json()).toEqual(third.json())
  })

  test('a write based on an older version is 409 stale_draft with the current draft, which stays', async () => {
    const me = await bearer(t.app, 'wang-shufen-two-phones')
    const phoneA = (await put(me, { payload: { step: 'identity' }, updatedAt: null })).json()
    const phoneB = (await put(me, { payload: { step: 'household' }, updatedAt: phoneA.updatedAt })).json()

    const stale = await put(me, { payload: { step: 'income' }, updatedAt: phoneA.updatedAt })
    expect(stale.statusCode).toBe(409)
    const body = StaleDraftErrorSchema.parse(stale.json())
    expect(body).toMatchObject({ error: 'stale_draft', current: phoneB })
    expect(body.message).toMatch(/草稿/)

    // A second "first draft" is stale too.
    expect((await put(me, { payload: { step: 'start' }, updatedAt: null })).json()).toMatchObject({ error: 'stale_draft', current: phoneB })
    expect((await get(me)).json()).toEqual(phoneB)
  })

  test('concurrent writes based on the same version: exactly one wins', async () => {
    const me = await bearer(t.app, 'wang-shufen-race')
    const base = (await put(me, { payload: { step: 'identity' }, updatedAt: null })).json()
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => put(me, { payload: { step: 'household', writer: i }, updatedAt: base.updatedAt })))
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, ...Array(9).fill(409)])
    const winner = answers.find((answer) => answer.statusCode === 200)
    expect((await get(me)).json()).toEqual(winner?.json())
  })

  test('a draft above the size cap is 413 and the saved one stays', async () => {
    const me = await bearer(t.app, 'wang-shufen-big')
    const saved = (await put(me, { payload: { step: 'identity' }, updatedAt: null })).json()
    const tooBig = await put(me, { payload: { notes: 'x'.repeat(DRAFT_MAX_BYTES) }, updatedAt: saved.updatedAt })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json()).toMatchObject({ error: 'draft_too_large' })
    // Above the JSON body limit (1 MB) it is 413 as well.
    expect((await put(me, { payload: { notes: 'x'.repeat(1024 * 1024) }, updatedAt: saved.updatedAt })).statusCode).toBe(413)
    expect((await get(me)).json()).toEqual(saved)
  })

  test('one person never sees or overwrites another’s draft', async () => {
    const wang = await bearer(t.app, 'wang-shufen-private')
    const zhao = await bearer(t.app, 'zhao-mancang-private')
    const wangDraft = (await put(wang, { payload: { idNumber: WANG_SHUFEN.idNumber }, updatedAt: null })).json()
    expect((await get(zhao)).statusCode).toBe(404)
    const zhaoDraft = await put(zhao, { payload: { step: 'identity' }, updatedAt: wangDraft.updatedAt })
    expect(zhaoDraft.statusCode).toBe(200)
    expect((await get(wang)).json()).toEqual(wangDraft)
    expect((await get(zhao)).json()).toEqual(zhaoDraft.json())
  })

  test('the stored draft is sealed: its ID numbers are not in the row', async () => {
    const me = await bearer(t.app, 'wang-shufen-sealed')
    await put(me, { payload: { beneficiary: { idNumber: WANG_SHUFEN.idNumber, phone: WANG_SHUFEN.phone } }, updatedAt: null })
    const rows = await t.testDb.db.query<Record<string, unknown>>('SELECT * FROM drafts')
    const raw = JSON.stringify(rows.rows)
    expect(raw).not.toContain(WANG_SHUFEN.idNumber)
    expect(raw).not.toContain(WANG_SHUFEN.phone)
  })

  test.each([
    ['no body fields', {}, ['payload', 'updatedAt']],
    ['a payload that is not an object', { payload: 'text', updatedAt: null }, ['payload']],
    ['updatedAt that is not a time', { payload: {}, updatedAt: 'yesterday' }, ['updatedAt']],
    ['an unknown field', { payload: {}, updatedAt: null, force: true }, ['force']],
  ])('a malformed write (%s) is 400 with the paths', async (_label, body, paths) => {
    const me = await bearer(t.app, 'malformed-drafts')
    const response = await put(me, body)
    expect(response.statusCode).toBe(400)
    expect(Object.keys(issuesOf(response)).sort()).toEqual(paths)
  })

  test('a body that is not JSON is 400 invalid_json', async () => {
    const me = await bearer(t.app, 'malformed-drafts')
    const response = await t.app.inject({ method: 'PUT', url: URL, headers: { ...me, 'content-type': 'application/json' }, payload: '{"payload": {' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: 'invalid_json' })
  })
})
