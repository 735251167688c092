// The access sweep: for every route with an object id (GET /applications/:id, withdraw, supplements,
// invitations, revoking a viewer, GET /uploads/:id), over many applications and people, the owner
// succeeds; an invited relative may read the application and nothing else (403 on every change); a
// revoked relative, strangers and other owners are answered 404 (401 when not signed in) — and nothing
// they sent changed anything.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { ApplicationResponseSchema } from '@/domain/application'
import { ApplicationDetailSchema, InvitationSchema } from '@/domain/claims'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, fixture, postCaseEvent, startApplyApp, submit, upload, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(300_000)

const SECRET = 'access-sweep-secret-for-the-tests-0123456789'
const APPLICATIONS = 16
const STRANGERS = 14

interface Target {
  ownerCode: string
  owner: { authorization: string }
  applicationId: string
  dibao: string
  uploadId: string
  viewer: { authorization: string }
  viewerId: string
  revoked: { authorization: string }
}

type Actor = { name: string; headers: { authorization: string } | Record<string, never> }

describe.each(dbKinds)('access sweep on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET }, rateLimits: { signIn: { max: 10_000 }, submission: { max: 10_000 }, upload: { max: 10_000 }, invitation: { max: 10_000 } } })
  })
  afterAll(async () => {
    await t.close()
  })

  const event = (body: Record<string, unknown>) => postCaseEvent(t.app, SECRET, body)
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Actor['headers'], payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })

  /** A relative of the target's owner who accepted an invitation; their viewer id. */
  async function follow(applicationId: string, owner: Actor['headers'], relative: Actor['headers']): Promise<string> {
    const viewerIds = async () => ApplicationDetailSchema.parse((await inject('GET', `/applications/${applicationId}`, owner)).json()).viewers.map((viewer) => viewer.id)
    const before = await viewerIds()
    const { code } = InvitationSchema.parse((await inject('POST', `/applications/${applicationId}/invitations`, owner, { label: '女儿' })).json())
    expect((await inject('POST', `/invitations/${code}/accept`, relative)).statusCode).toBe(200)
    const added = (await viewerIds()).filter((id) => !before.includes(id))
    expect(added).toHaveLength(1)
    return added[0]
  }

  /**
   * The routes with an object id, as requests an actor can make against a target, with what an active
   * viewer gets: the application (200); never the documents (404, like anyone else); 403 for changes.
   */
  const routes: Array<{ name: string; viewer: number; request: (target: Target, headers: Actor['headers']) => Promise<LightMyRequestResponse> }> = [
    { name: 'GET /applications/:id', viewer: 200, request: (target, headers) => inject('GET', `/applications/${target.applicationId}`, headers) },
    { name: 'GET /uploads/:id', viewer: 404, request: (target, headers) => inject('GET', `/uploads/${target.uploadId}`, headers) },
    {
      name: 'POST /applications/:id/supplements',
      viewer: 403,
      request: (target, headers) =>
        inject('POST', `/applications/${target.applicationId}/supplements`, headers, {
          claimId: target.dibao,
          documents: [{ documentId: 'income_proof', uploadIds: [target.uploadId] }],
          answers: [{ question: '收入？', answer: '每月 300 元' }],
        }),
    },
    { name: 'POST /applications/:id/invitations', viewer: 403, request: (target, headers) => inject('POST', `/applications/${target.applicationId}/invitations`, headers, { label: '邻居' }) },
    { name: 'DELETE /applications/:id/viewers/:viewerId', viewer: 403, request: (target, headers) => inject('DELETE', `/applications/${target.applicationId}/viewers/${target.viewerId}`, headers) },
    { name: 'POST /applications/:id/withdraw', viewer: 403, request: (target, headers) => inject('POST', `/applications/${target.applicationId}/withdraw`, headers, { reason: '试试' }) },
  ]

  test(`${APPLICATIONS} applications × ${routes.length} routes × (owner, its relative, a revoked relative, ${STRANGERS} strangers, another owner and relative, unsigned, an unknown id): every answer as it should be`, async () => {
    const targets: Target[] = []
    for (let index = 0; index < APPLICATIONS; index += 1) {
      const ownerCode = `sweep-owner-${index}`
      const owner = await bearer(t.app, ownerCode)
      const uploadId = (await upload(t.app, owner, { filename: '收入证明.pdf', contentType: 'application/pdf', bytes: fixture('income-proof.pdf') })).json().uploadId as string
      const input = wangShufenApplication()
      input.beneficiary.idNumber = residentIdNumber('140105', '1950-01-01', 500 + index * 2)
      const submitted = await submit(t.app, owner, input)
      expect(submitted.statusCode).toBe(201)
      const body = ApplicationResponseSchema.parse(submitted.json())
      const dibao = body.claims.find((claim) => claim.benefit === 'dibao')?.id ?? ''
      expect((await event({ claimId: dibao, status: 'accepted' })).statusCode).toBe(200)
      expect((await event({ claimId: dibao, status: 'needs_info', requested: { items: [{ kind: 'document', documentId: 'income_proof' }], dueDate: '2026-03-20' } })).statusCode).toBe(200)
      const viewer = await bearer(t.app, `sweep-daughter-${index}`)
      const viewerId = await follow(body.id, owner, viewer)
      const revoked = await bearer(t.app, `sweep-former-${index}`)
      const revokedId = await follow(body.id, owner, revoked)
      expect((await inject('DELETE', `/applications/${body.id}/viewers/${revokedId}`, owner)).statusCode).toBe(200)
      targets.push({ ownerCode, owner, applicationId: body.id, dibao, uploadId, viewer, viewerId, revoked })
    }
    // Strangers: people with no application, and the owners of the other applications.
    const strangers: Actor[] = []
    for (let index = 0; index < STRANGERS; index += 1) strangers.push({ name: `stranger-${index}`, headers: await bearer(t.app, `sweep-stranger-${index}`) })

    let requests = 0
    const failures: string[] = []
    const expectStatus = (response: LightMyRequestResponse, expected: number, what: string) => {
      requests += 1
      if (response.statusCode !== expected) failures.push(`${what}: ${response.statusCode} (expected ${expected})`)
      else if (expected >= 400 && response.body.includes('王淑芬')) failures.push(`${what}: the refusal reveals personal data`)
    }

    for (const [index, target] of targets.entries()) {
      const other = targets[(index + 1) % targets.length]
      const actors: Actor[] = [
        ...strangers,
        { name: `owner of ${other.ownerCode}`, headers: other.owner },
        { name: `a relative following ${other.ownerCode}`, headers: other.viewer },
        { name: 'a revoked relative', headers: target.revoked },
      ]
      for (const route of routes) {
        for (const actor of actors) expectStatus(await route.request(target, actor.headers), 404, `${route.name} by ${actor.name}`)
        expectStatus(await route.request(target, target.viewer), route.viewer, `${route.name} by the relative following it`)
        expectStatus(await route.request(target, {}), 401, `${route.name} unsigned`)
        const unknown: Target = { ...target, applicationId: randomUUID(), uploadId: randomUUID() }
        expectStatus(await route.request(unknown, target.owner), 404, `${route.name} unknown id by the owner`)
      }
    }
    // Nothing the others sent changed anything.
    for (const target of targets) {
      const view = ApplicationDetailSchema.parse((await inject('GET', `/applications/${target.applicationId}`, target.owner)).json())
      requests += 1
      expect(view.claims.map((claim) => [claim.benefit, claim.status, claim.timeline.length])).toEqual([
        ['dibao', 'needs_info', 3],
        ['high_age_allowance', 'submitted', 1],
      ])
      expect(view.documents.find((document) => document.documentId === 'income_proof')).toBeUndefined()
      expect(view.viewers.map((viewer) => viewer.id)).toEqual([target.viewerId])
    }
    // The owner succeeds on every route (reads first, then supplements, invitation, revoking, withdraw).
    for (const target of targets) {
      for (const route of routes) expectStatus(await route.request(target, target.owner), route.name.includes('invitations') ? 201 : 200, `${route.name} by the owner`)
      // The relative the owner just revoked is out at once.
      expectStatus(await routes[0].request(target, target.viewer), 404, 'GET /applications/:id by the relative just revoked')
      const view = ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${target.applicationId}`, headers: target.owner })).json())
      requests += 1
      expect(view.claims.map((claim) => claim.status)).toEqual(['withdrawn', 'withdrawn'])
      expect(view.claims[0].timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted', 'needs_info', 'verifying', 'withdrawn'])
    }

    expect(failures).toEqual([])
    // 16 × 6 × (14 strangers + another owner + another's relative + a revoked relative + this relative
    // + unsigned + unknown id) + 16 checks + 16 × (6 + 1 + 1) = 2,064.
    expect(requests).toBe(APPLICATIONS * routes.length * (STRANGERS + 6) + APPLICATIONS + APPLICATIONS * (routes.length + 2))
    expect(requests).toBeGreaterThanOrEqual(1000)
  })
})
