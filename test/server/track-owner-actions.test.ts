// POST /applications/:id/withdraw and /supplements: the owner withdraws undecided claims and supplies
// what a reviewer asked for; nobody else can.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { ApplicationResponseSchema, type ApplicationResponse } from '@/domain/application'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, postCaseEvent, fixture, issuesOf, startApplyApp, submit, upload, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const SECRET = 'owner-actions-secret-for-the-tests-0123456789'

describe.each(dbKinds)('owner actions on %s', (kind) => {
  let t: ApplyTestApp
  let owner: { authorization: string }
  let stranger: { authorization: string }

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
    owner = await bearer(t.app, 'wang-shufen')
    stranger = await bearer(t.app, 'stranger')
  })
  afterAll(async () => {
    await t.close()
  })

  const event = (body: Record<string, unknown>) => postCaseEvent(t.app, SECRET, body)
  let sequence = 0
  async function newApplication(): Promise<{ id: string; dibao: string; highAge: string }> {
    sequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 300 + sequence * 2)
    const body = ApplicationResponseSchema.parse((await submit(t.app, owner, input)).json())
    const claim = (benefit: string) => body.claims.find((item) => item.benefit === benefit)?.id ?? ''
    return { id: body.id, dibao: claim('dibao'), highAge: claim('high_age_allowance') }
  }
  const post = (who: { authorization: string } | Record<string, never>, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'POST', url, headers: who, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
  const view = async (id: string): Promise<ApplicationResponse> =>
    ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: owner })).json())

  test('withdraw without a body withdraws every undecided claim, with a timeline entry; a second time is 409', async () => {
    const app = await newApplication()
    expect((await event({ claimId: app.highAge, status: 'accepted' })).statusCode).toBe(200)
    const response = await post(owner, `/api/v1/applications/${app.id}/withdraw`)
    expect(response.statusCode).toBe(200)
    const body = ApplicationResponseSchema.parse(response.json())
    for (const claim of body.claims) {
      expect(claim.status).toBe('withdrawn')
      expect(claim.timeline.at(-1)).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', note: '您已撤回这一项申请。', at: t.clock.now.toISOString() })
    }
    expect((await post(owner, `/api/v1/applications/${app.id}/withdraw`, {})).statusCode).toBe(409)
    // The review system cannot move a withdrawn claim any more.
    expect((await event({ claimId: app.dibao, status: 'accepted' })).statusCode).toBe(409)
  })

  test('withdraw named claims with a reason; a decided claim is 409 and nothing changes; a claim of another application is 400', async () => {
    const app = await newApplication()
    const other = await newApplication()
    for (const status of ['accepted', 'verifying']) expect((await event({ claimId: app.highAge, status })).statusCode).toBe(200)
    expect((await event({ claimId: app.highAge, status: 'approved', decision: { payment: 'monthly', amountFen: 10000, startMonth: '2026-04' } })).statusCode).toBe(200)
    const decided = await post(owner, `/api/v1/applications/${app.id}/withdraw`, { claimIds: [app.dibao, app.highAge] })
    expect(decided.statusCode).toBe(409)
    expect((await view(app.id)).claims.map((claim) => claim.status).sort()).toEqual(['approved', 'submitted'])
    const foreign = await post(owner, `/api/v1/applications/${app.id}/withdraw`, { claimIds: [other.dibao] })
    expect(foreign.statusCode).toBe(400)
    expect(Object.keys(issuesOf(foreign))).toEqual(['claimIds.0'])
    const ok = await post(owner, `/api/v1/applications/${app.id}/withdraw`, { claimIds: [app.dibao], reason: '家里情况好转了' })
    expect(ok.statusCode).toBe(200)
    const claims = ApplicationResponseSchema.parse(ok.json()).claims
    expect(claims.find((claim) => claim.id === app.dibao)?.timeline.at(-1)?.note).toBe('您已撤回这一项申请。原因：家里情况好转了')
    expect(claims.find((claim) => claim.id === app.highAge)?.status).toBe('approved')
    // Withdrawn, the beneficiary may apply for dibao again.
    const again = wangShufenApplication()
    again.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 300 + sequence * 2 - 2)
    again.benefits = ['dibao']
    expect((await submit(t.app, owner, again)).statusCode).toBe(201)
  })

  test('supplements: documents and answers for a claim in needs_info move it back to verifying; the uploads are listed', async () => {
    const app = await newApplication()
    expect((await event({ claimId: app.dibao, status: 'accepted' })).statusCode).toBe(200)
    const premature = await post(owner, `/api/v1/applications/${app.id}/supplements`, { claimId: app.dibao, answers: [{ question: '？', answer: '。' }] })
    expect(premature.statusCode).toBe(409)
    expect((await event({ claimId: app.dibao, status: 'needs_info', requested: { items: [{ kind: 'document', documentId: 'income_proof' }, { kind: 'answer', question: '儿子每月给多少？' }], dueDate: '2026-03-20' } })).statusCode).toBe(200)

    const mine = (await upload(t.app, owner, { filename: '收入证明.pdf', contentType: 'application/pdf', bytes: fixture('income-proof.pdf') })).json().uploadId as string
    const theirs = (await upload(t.app, stranger, { filename: '收入证明.pdf', contentType: 'application/pdf', bytes: fixture('income-proof.pdf') })).json().uploadId as string
    const foreign = await post(owner, `/api/v1/applications/${app.id}/supplements`, { claimId: app.dibao, documents: [{ documentId: 'income_proof', uploadIds: [mine, theirs] }] })
    expect(foreign.statusCode).toBe(400)
    expect(Object.keys(issuesOf(foreign))).toEqual(['documents.0.uploadIds.1'])
    const empty = await post(owner, `/api/v1/applications/${app.id}/supplements`, { claimId: app.dibao })
    expect(empty.statusCode).toBe(400)
    expect((await view(app.id)).claims.find((claim) => claim.id === app.dibao)?.status).toBe('needs_info')

    const ok = await post(owner, `/api/v1/applications/${app.id}/supplements`, {
      claimId: app.dibao,
      documents: [{ documentId: 'income_proof', uploadIds: [mine] }],
      answers: [{ question: '儿子每月给多少？', answer: '每月 300 元' }],
    })
    expect(ok.statusCode).toBe(200)
    const body = ApplicationResponseSchema.parse(ok.json())
    const claim = body.claims.find((item) => item.id === app.dibao)
    expect(claim?.status).toBe('verifying')
    expect(claim?.timeline.at(-1)?.note).toBe('您已补充材料，继续核对调查。上传 1 个文件。回答 1 个问题。')
    expect(body.documents.find((document) => document.documentId === 'income_proof')?.uploadIds).toEqual([mine])
    expect(body.missingDocuments.map((document) => document.documentId)).not.toContain('income_proof')
  })

  test('a stranger and an unsigned request get 404 and 401; an unknown application is 404; nothing changes', async () => {
    const app = await newApplication()
    expect((await event({ claimId: app.dibao, status: 'accepted' })).statusCode).toBe(200)
    expect((await event({ claimId: app.dibao, status: 'needs_info', requested: { items: [{ kind: 'answer', question: '？' }], dueDate: '2026-03-20' } })).statusCode).toBe(200)
    const supplement = { claimId: app.dibao, answers: [{ question: '？', answer: '好' }] }
    for (const [url, payload] of [
      [`/api/v1/applications/${app.id}/withdraw`, {}],
      [`/api/v1/applications/${app.id}/supplements`, supplement],
    ] as const) {
      expect((await post(stranger, url, payload)).statusCode).toBe(404)
      expect((await post({}, url, payload)).statusCode).toBe(401)
      expect((await post(owner, url.replace(app.id, randomUUID()), payload)).statusCode).toBe(404)
      expect((await post(owner, url.replace(app.id, 'not-a-uuid'), payload)).statusCode).toBe(400)
    }
    expect((await view(app.id)).claims.map((claim) => claim.status).sort()).toEqual(['needs_info', 'submitted'])
  })
})
