// The access sweep: for every route with an object id (GET /applications/:id, withdraw, supplements,
// GET /uploads/:id), over many applications and people, the owner succeeds and everybody else is
// answered 404 (401 when not signed in) — and nothing they sent changed anything.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { ApplicationResponseSchema } from '@/domain/application'
import { hmacSha256Hex } from '../../server/crypto'
import { residentIdNumber, wangShufenApplication } from '../fixtures/applications'
import { bearer, fixture, startApplyApp, submit, upload, type ApplyTestApp } from './apply-support'
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
}

type Actor = { name: string; headers: { authorization: string } | Record<string, never> }

describe.each(dbKinds)('access sweep on %s', (kind) => {
  let t: ApplyTestApp

  beforeAll(async () => {
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET } })
  })
  afterAll(async () => {
    await t.close()
  })

  const event = (body: Record<string, unknown>) => {
    const bytes = JSON.stringify({ eventId: randomUUID(), ...body })
    return t.app.inject({ method: 'POST', url: '/api/v1/case-events', headers: { 'content-type': 'application/json', 'x-signature': `sha256=${hmacSha256Hex(SECRET, bytes)}` }, payload: bytes })
  }

  /** The routes with an object id, as requests an actor can make against a target. */
  const routes: Array<{ name: string; write: boolean; request: (target: Target, headers: Actor['headers']) => Promise<LightMyRequestResponse> }> = [
    { name: 'GET /applications/:id', write: false, request: (target, headers) => t.app.inject({ method: 'GET', url: `/api/v1/applications/${target.applicationId}`, headers }) },
    { name: 'GET /uploads/:id', write: false, request: (target, headers) => t.app.inject({ method: 'GET', url: `/api/v1/uploads/${target.uploadId}`, headers }) },
    {
      name: 'POST /applications/:id/supplements',
      write: true,
      request: (target, headers) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${target.applicationId}/supplements`,
          headers,
          payload: { claimId: target.dibao, documents: [{ documentId: 'income_proof', uploadIds: [target.uploadId] }], answers: [{ question: '收入？', answer: '每月 300 元' }] },
        }),
    },
    { name: 'POST /applications/:id/withdraw', write: true, request: (target, headers) => t.app.inject({ method: 'POST', url: `/api/v1/applications/${target.applicationId}/withdraw`, headers, payload: { reason: '试试' } }) },
  ]

  test(`${APPLICATIONS} applications × ${routes.length} routes × (owner, ${STRANGERS} strangers, another owner, unsigned, an unknown id): every answer as it should be`, async () => {
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
      targets.push({ ownerCode, owner, applicationId: body.id, dibao, uploadId })
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
      const otherOwner = targets[(index + 1) % targets.length]
      const actors: Actor[] = [...strangers, { name: `owner of ${otherOwner.ownerCode}`, headers: otherOwner.owner }]
      for (const route of routes) {
        for (const actor of actors) expectStatus(await route.request(target, actor.headers), 404, `${route.name} by ${actor.name}`)
        expectStatus(await route.request(target, {}), 401, `${route.name} unsigned`)
        const unknown: Target = { ...target, applicationId: randomUUID(), uploadId: randomUUID() }
        expectStatus(await route.request(unknown, target.owner), 404, `${route.name} unknown id by the owner`)
      }
    }
    // Nothing the others sent changed anything.
    for (const target of targets) {
      const view = ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${target.applicationId}`, headers: target.owner })).json())
      requests += 1
      expect(view.claims.map((claim) => [claim.benefit, claim.status, claim.timeline.length])).toEqual([
        ['dibao', 'needs_info', 3],
        ['high_age_allowance', 'submitted', 1],
      ])
      expect(view.documents.find((document) => document.documentId === 'income_proof')).toBeUndefined()
    }
    // The owner succeeds on every route (reads first, then supplements, then withdraw).
    for (const target of targets) {
      for (const route of routes) expectStatus(await route.request(target, target.owner), 200, `${route.name} by the owner`)
      const view = ApplicationResponseSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${target.applicationId}`, headers: target.owner })).json())
      requests += 1
      expect(view.claims.map((claim) => claim.status)).toEqual(['withdrawn', 'withdrawn'])
      expect(view.claims[0].timeline.map((entry) => entry.status)).toEqual(['submitted', 'accepted', 'needs_info', 'verifying', 'withdrawn'])
    }

    expect(failures).toEqual([])
    // 16 × 4 × (14 strangers + another owner + unsigned + unknown id) + 16 checks + 16 × (4 + 1) = 1,184.
    expect(requests).toBe(APPLICATIONS * routes.length * (STRANGERS + 3) + APPLICATIONS + APPLICATIONS * (routes.length + 1))
    expect(requests).toBeGreaterThanOrEqual(1000)
  })
})
