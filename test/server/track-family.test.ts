// Family following an application: 王淑芬 invites her son 李建国 (working in 北京) to follow her
// application. He sees it read-only and masked; the code works once and for 24 hours; she sees who
// follows and revokes him, and he loses access at once.
import type { LightMyRequestResponse } from 'fastify'
import { ApplicationListSchema, ApplicationResponseSchema } from '@/domain/application'
import { ApplicationDetailSchema, INVITATION_ALPHABET, InvitationSchema, type ApplicationDetail } from '@/domain/claims'
import { LI_JIANGUO, LI_XIAOHONG, WANG_SHUFEN, residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, issuesOf, postCaseEvent, startApplyApp, submit, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(120_000)

const SECRET = 'family-secret-for-the-tests-0123456789abcdef'
type Who = { authorization: string }

describe.each(dbKinds)('family on %s', (kind) => {
  let t: ApplyTestApp
  let mother: Who
  let son: Who
  let neighbour: Who

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET }, rateLimits: { signIn: { max: 10_000 }, submission: { max: 10_000 }, upload: { max: 10_000 }, invitation: { max: 10_000 } } })
    mother = await bearer(t.app, 'wang-shufen')
    son = await bearer(t.app, 'li-jianguo-in-beijing')
    neighbour = await bearer(t.app, 'a-neighbour')
  })
  afterAll(async () => {
    await t.close()
  })

  let sequence = 0
  async function newApplication(owner: Who = mother) {
    sequence += 1
    const input = wangShufenApplication()
    input.beneficiary.idNumber = residentIdNumber('140105', '1949-12-31', 100 + sequence * 2)
    const body = ApplicationResponseSchema.parse((await submit(t.app, owner, input)).json())
    const claim = (benefit: string) => body.claims.find((item) => item.benefit === benefit)?.id ?? ''
    return { id: body.id, dibao: claim('dibao'), highAge: claim('high_age_allowance') }
  }
  const request = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Who | Record<string, never>, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who, ...(payload ? { payload } : {}) })
  const invite = (id: string, who: Who = mother, payload: Record<string, unknown> = { label: '儿子' }) => request('POST', `/applications/${id}/invitations`, who, payload)
  const accept = (code: string, who: Who = son) => request('POST', `/invitations/${encodeURIComponent(code)}/accept`, who)
  const detail = async (id: string, who: Who): Promise<ApplicationDetail> => {
    const response = await request('GET', `/applications/${id}`, who)
    expect(response.statusCode).toBe(200)
    return ApplicationDetailSchema.parse(response.json())
  }
  const codeFor = async (id: string, label = '儿子') => InvitationSchema.parse((await invite(id, mother, { label })).json()).code

  test('an invitation is a 10-character code valid 24 hours, kept only as a hash', async () => {
    const app = await newApplication()
    const response = await invite(app.id)
    expect(response.statusCode).toBe(201)
    const invitation = InvitationSchema.parse(response.json())
    expect(invitation.code).toMatch(new RegExp(`^[${INVITATION_ALPHABET}]{10}$`))
    expect(invitation).toMatchObject({ label: '儿子', expiresAt: new Date(t.clock.now.getTime() + 24 * 3600_000).toISOString() })
    // Without a label the person is called 家人.
    expect(InvitationSchema.parse((await invite(app.id, mother, {})).json()).label).toBe('家人')
    const stored = await t.testDb.db.query<Record<string, unknown>>('SELECT * FROM invitations WHERE application_id = $1', [app.id])
    expect(stored.rows).toHaveLength(2)
    expect(JSON.stringify(stored.rows)).not.toContain(invitation.code)
  })

  test('the son accepts and sees the application read-only: names masked, no street address, no income or assets', async () => {
    const app = await newApplication()
    const code = await codeFor(app.id)
    // As he might type it from a message: lower case, with the hyphen the app shows.
    const accepted = await accept(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`)
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toEqual({ applicationId: app.id, role: 'viewer' })

    const response = await request('GET', `/applications/${app.id}`, son)
    const view = ApplicationDetailSchema.parse(response.json())
    expect(view.role).toBe('viewer')
    expect(view.beneficiary).toMatchObject({ name: '王**', idNumber: expect.stringMatching(/^1401\*{10}/), phone: '138****2468', address: { place: '太原市小店区', township: '坞城街道', detail: '' } })
    expect(view.members.map((member) => member.name)).toEqual(['李**', '李**'])
    expect(view.income).toBeNull()
    expect(view.assets).toBeNull()
    expect(view.viewers).toEqual([])
    expect(view.claims.map((claim) => [claim.benefit, claim.status])).toEqual([
      ['dibao', 'submitted'],
      ['high_age_allowance', 'submitted'],
    ])
    for (const secret of [WANG_SHUFEN.name, LI_JIANGUO.name, LI_XIAOHONG.name, WANG_SHUFEN.phone, '双塔西街', '1150']) expect(response.body).not.toContain(secret)

    // It is on his list as shared with him, masked; the owner's copy still has everything.
    const list = ApplicationListSchema.parse((await request('GET', '/applications', son)).json())
    expect(list.applications.find((item) => item.id === app.id)).toMatchObject({ role: 'viewer', beneficiary: { name: '王**' } })
    const own = await detail(app.id, mother)
    expect(own).toMatchObject({ role: 'owner', beneficiary: { name: '王淑芬' }, income: { pension: 1150 } })
    expect(own.viewers).toEqual([{ id: expect.any(String), label: '儿子', acceptedAt: t.clock.now.toISOString() }])
  })

  test('the son sees each status and what is asked of his mother in general words, never the caseworker’s questions, her answers, reasons or amounts', async () => {
    // Her own phone, subscribed to status messages (the shared mother of the other tests is not).
    const mother = await bearer(t.app, 'wang-shufen-subscribed')
    const app = await newApplication(mother)
    const { code } = InvitationSchema.parse((await invite(app.id, mother)).json())
    expect((await accept(code)).statusCode).toBe(200)
    expect((await request('POST', '/subscriptions', son, { templateIds: ['tpl-status'] })).statusCode).toBe(200)
    expect((await request('POST', '/subscriptions', mother, { templateIds: ['tpl-status'] })).statusCode).toBe(200)
    const question = '儿子每月给您多少生活费？'
    const answer = '每月给 300 元，逢年过节另给'
    const events: Array<Record<string, unknown>> = [
      { claimId: app.dibao, status: 'accepted', note: '请 3 月 5 日上午在家等候入户调查' },
      { claimId: app.dibao, status: 'needs_info', requested: { items: [{ kind: 'document', documentId: 'income_proof', question: '李建国的工资流水' }, { kind: 'answer', question }], dueDate: '2026-03-20' } },
    ]
    for (const event of events) expect((await postCaseEvent(t.app, SECRET, event)).statusCode).toBe(200)

    const asked = await request('GET', `/applications/${app.id}`, son)
    const seen = ApplicationDetailSchema.parse(asked.json())
    const dibao = seen.claims[0]
    expect(dibao.timeline.map((entry) => entry.note)).toEqual([
      '申请已在线提交，等待乡镇人民政府（街道办事处）受理。',
      '乡镇（街道）已受理申请。',
      '需要申请人补充：收入证明，并回答 1 个问题，请在 2026年3月20日前提交。',
    ])
    expect(dibao.requested).toEqual({ dueDate: '2026-03-20', items: [{ kind: 'document', documentId: 'income_proof', documentName: '收入证明' }, { kind: 'answer' }] })
    for (const secret of [question, '工资流水', '3 月 5 日上午']) expect(asked.body).not.toContain(secret)
    // His mother still reads exactly what was asked.
    expect((await detail(app.id, mother)).claims[0].timeline[2].note).toContain(question)

    // Her answer, a rejection's reason and an amount stay hers too.
    expect((await request('POST', `/applications/${app.id}/supplements`, mother, { claimId: app.dibao, answers: [{ question, answer }], note: '儿子刚换了工作' })).statusCode).toBe(200)
    for (const status of ['accepted', 'verifying']) expect((await postCaseEvent(t.app, SECRET, { claimId: app.highAge, status })).statusCode).toBe(200)
    expect((await postCaseEvent(t.app, SECRET, { claimId: app.highAge, status: 'approved', decision: { payment: 'monthly', amount: 50, startMonth: '2026-04' } })).statusCode).toBe(200)
    expect((await postCaseEvent(t.app, SECRET, { claimId: app.dibao, status: 'rejected', reason: '儿子每月给 300 元，家庭人均收入高于低保标准' })).statusCode).toBe(200)
    const later = await request('GET', `/applications/${app.id}`, son)
    const view = ApplicationDetailSchema.parse(later.json())
    expect(view.claims[0].timeline.slice(-2).map((entry) => entry.note)).toEqual(['申请人已补充材料，继续核对调查。', '未获批准，原因已告知申请人。'])
    expect(view.claims[1].timeline.at(-1)?.note).toBe('已批准，补助按月发放。')
    expect(view.claims[1].decision).toBeNull()
    for (const secret of [answer, '换了工作', '300 元', '50 元']) expect(later.body).not.toContain(secret)

    // The status messages queued for him say as little; hers say it all.
    const outbox = await t.testDb.db.query<{ user_id: string; note: string }>(
      `SELECT o.user_id, o.payload ->> 'note' AS note FROM notification_outbox o JOIN claims c ON c.id = o.claim_id WHERE c.application_id = $1 ORDER BY o.created_at`,
      [app.id],
    )
    const [sonId, motherId] = await Promise.all([son, mother].map(async (who) => (await request('GET', '/test/me', who)).json().id as string))
    const notes = (userId: string) => outbox.rows.filter((row) => row.user_id === userId).map((row) => row.note).join('\n')
    for (const secret of [question, answer, '换了工作', '300 元', '50 元', '3 月 5 日上午']) expect(notes(sonId)).not.toContain(secret)
    expect(notes(motherId)).toContain(question)
  })

  test('a code works once and for 24 hours; accepting it again answers the same; one’s own is refused; unknown is 404, malformed 400', async () => {
    const app = await newApplication()
    const code = await codeFor(app.id)
    expect((await accept(code)).statusCode).toBe(200)
    expect((await accept(code)).json()).toEqual({ applicationId: app.id, role: 'viewer' })
    const used = await accept(code, neighbour)
    expect(used.statusCode).toBe(409)
    expect(used.json()).toMatchObject({ error: 'invitation_used', message: expect.stringContaining('只能用一次') })
    expect((await request('GET', `/applications/${app.id}`, neighbour)).statusCode).toBe(404)

    const later = await codeFor(app.id)
    t.clock.now = new Date(t.clock.now.getTime() + 24 * 3600_000)
    const expired = await accept(later, neighbour)
    expect(expired.statusCode).toBe(422)
    expect(expired.json()).toMatchObject({ error: 'invitation_expired', message: expect.stringContaining('过期') })

    const mine = await accept(await codeFor(app.id), mother)
    expect(mine.statusCode).toBe(422)
    expect(mine.json()).toMatchObject({ error: 'own_application' })

    expect((await accept('ABCDE-FGHJK')).statusCode).toBe(404)
    const malformed = await accept('hello')
    expect(malformed.statusCode).toBe(400)
    expect(Object.keys(issuesOf(malformed))).toEqual(['code'])
  })

  test('a viewer cannot withdraw, supply, invite or revoke (403); a stranger is 404 for all of them', async () => {
    const app = await newApplication()
    expect((await accept(await codeFor(app.id))).statusCode).toBe(200)
    const [viewer] = (await detail(app.id, mother)).viewers
    const writes: Array<[string, 'POST' | 'DELETE', string, Record<string, unknown> | undefined]> = [
      ['withdraw', 'POST', `/applications/${app.id}/withdraw`, {}],
      ['supplements', 'POST', `/applications/${app.id}/supplements`, { claimId: app.dibao, answers: [{ question: '收入？', answer: '300 元' }] }],
      ['invite', 'POST', `/applications/${app.id}/invitations`, {}],
      ['revoke', 'DELETE', `/applications/${app.id}/viewers/${viewer.id}`, undefined],
    ]
    for (const [name, method, url, payload] of writes) {
      const asViewer = await request(method, url, son, payload)
      expect([name, asViewer.statusCode, asViewer.json().error]).toEqual([name, 403, 'viewer_read_only'])
      expect([name, (await request(method, url, neighbour, payload)).statusCode]).toEqual([name, 404])
    }
    // Nothing changed.
    expect((await detail(app.id, mother)).claims.map((claim) => claim.status)).toEqual(['submitted', 'submitted'])
    expect((await detail(app.id, mother)).viewers).toHaveLength(1)
  })

  test('revoking ends access at once: the detail is 404, the list no longer has it, the old code does not work again', async () => {
    const app = await newApplication()
    const code = await codeFor(app.id)
    expect((await accept(code)).statusCode).toBe(200)
    const [viewer] = (await detail(app.id, mother)).viewers
    const revoked = await request('DELETE', `/applications/${app.id}/viewers/${viewer.id}`, mother)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toEqual({ viewers: [] })
    expect((await request('GET', `/applications/${app.id}`, son)).statusCode).toBe(404)
    expect(ApplicationListSchema.parse((await request('GET', '/applications', son)).json()).applications.map((item) => item.id)).not.toContain(app.id)
    expect((await accept(code)).statusCode).toBe(409)
    expect((await request('DELETE', `/applications/${app.id}/viewers/${viewer.id}`, mother)).statusCode).toBe(404)
    // A new invitation lets him follow again.
    expect((await accept(await codeFor(app.id))).statusCode).toBe(200)
    expect((await detail(app.id, son)).role).toBe('viewer')
  })

  test('status changes are queued for a viewer who subscribed, and stop when revoked', async () => {
    const app = await newApplication()
    expect((await accept(await codeFor(app.id))).statusCode).toBe(200)
    expect((await request('POST', '/subscriptions', son, { templateIds: ['tpl-status'] })).statusCode).toBe(200)
    const queuedFor = async () =>
      (await t.testDb.db.query<{ user_id: string }>("SELECT user_id FROM notification_outbox WHERE claim_id = $1 ORDER BY created_at", [app.dibao])).rows.length
    expect((await postCaseEvent(t.app, SECRET, { claimId: app.dibao, status: 'accepted' })).statusCode).toBe(200)
    expect(await queuedFor()).toBe(1)
    const [viewer] = (await detail(app.id, mother)).viewers
    await request('DELETE', `/applications/${app.id}/viewers/${viewer.id}`, mother)
    expect((await postCaseEvent(t.app, SECRET, { claimId: app.dibao, status: 'verifying' })).statusCode).toBe(200)
    expect(await queuedFor()).toBe(1)
  })

  test('the detail says what is asked, by when, which office handles it and what was decided; the list puts the one needing action first', async () => {
    const quiet = await newApplication(neighbour)
    t.clock.now = new Date(t.clock.now.getTime() + 60_000)
    const asked = await newApplication(neighbour)
    t.clock.now = new Date(t.clock.now.getTime() + 60_000)
    const newest = await newApplication(neighbour)
    const office = { name: '坞城街道办事处', phone: '0351-7654321' }
    expect((await postCaseEvent(t.app, SECRET, { claimId: asked.dibao, status: 'accepted', office })).statusCode).toBe(200)
    expect((await postCaseEvent(t.app, SECRET, { claimId: asked.dibao, status: 'needs_info', requested: { items: [{ kind: 'document', documentId: 'income_proof' }, { kind: 'answer', question: '儿子每月给您多少生活费？' }], dueDate: '2026-03-20' } })).statusCode).toBe(200)
    for (const status of ['accepted', 'verifying']) expect((await postCaseEvent(t.app, SECRET, { claimId: quiet.highAge, status })).statusCode).toBe(200)
    expect((await postCaseEvent(t.app, SECRET, { claimId: quiet.highAge, status: 'approved', decision: { payment: 'monthly', amount: 50, startMonth: '2026-04' } })).statusCode).toBe(200)

    const view = await detail(asked.id, neighbour)
    expect(view.nextAction).toEqual({ claimId: asked.dibao, benefit: 'dibao', benefitName: '最低生活保障', dueDate: '2026-03-20' })
    expect(view.claims[0]).toMatchObject({
      status: 'needs_info',
      office,
      requested: {
        dueDate: '2026-03-20',
        items: [
          { kind: 'document', documentId: 'income_proof', documentName: '收入证明' },
          { kind: 'answer', question: '儿子每月给您多少生活费？' },
        ],
      },
      decision: null,
    })
    expect((await detail(quiet.id, neighbour)).claims[1]).toMatchObject({ status: 'approved', requested: null, decision: { payment: 'monthly', amountFen: 5000, startMonth: '2026-04' }, office: null })

    const list = ApplicationListSchema.parse((await request('GET', '/applications', neighbour)).json())
    expect(list.applications.map((item) => item.id).slice(0, 3)).toEqual([asked.id, newest.id, quiet.id])
    expect(list.applications[0].nextAction).toMatchObject({ claimId: asked.dibao, dueDate: '2026-03-20' })
    expect(list.applications[1].nextAction).toBeNull()
  })
})
