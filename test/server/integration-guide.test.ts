// docs/integration.md for the review system: current with what generates it, and every example in it run
// with bash, openssl and curl against the real server listening on a free port, getting the documented answer.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { ApplicationResponseSchema, CLAIM_STATUSES } from '@/domain/application'
import { decisionOf, type CaseEvent } from '@/domain/claims'
import type { BenefitId } from '@/domain/policy/rules'
import { eventFor } from '../../server/cases/cli'
import { CLAIM_VARIABLE, withClaimId } from '../../server/integration/caseEventExamples'
import { INTEGRATION_GUIDE_PATH, PLACEHOLDERS, SETUP_SCRIPT, guideExamples, integrationGuide, type DocumentedAnswer } from '../../server/integration/guide'
import { APPLICATION_EXAMPLE } from '../../server/openapi/examples'
import { startApplyApp, type ApplyTestApp } from './apply-support'
import { dbKinds } from './helpers/databases'

jest.setTimeout(180_000)

const SECRET = 'review-system-shared-secret-for-the-integration-guide'
const execFileAsync = promisify(execFile)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

describe('docs/integration.md', () => {
  test('is what npm run docs:integration writes from the schemas, the status machine and the examples', () => {
    const committed = readFileSync(INTEGRATION_GUIDE_PATH, 'utf8')
    // On failure: run `npm run docs:integration` and commit docs/integration.md.
    expect(committed === integrationGuide() ? 'current' : 'out of date: run npm run docs:integration').toBe('current')
  })

  test('has an example for every status the review system sends, and shows the status table and the signing rule', () => {
    const sent = new Set(guideExamples().flatMap((example) => (example.answer.status === 200 && isEventResult(example.answer.body) ? [example.answer.body.status] : [])))
    expect([...sent].sort()).toEqual(CLAIM_STATUSES.filter((status) => status !== 'submitted').sort())
    const guide = integrationGuide()
    expect(guide).toContain('| `verifying` | 核对调查中 |')
    expect(guide).toContain('X-Signature: sha256=<hex>')
    expect(guide).toContain('openssl dgst -sha256 -hmac "$CASE_EVENTS_SECRET"')
  })

  test('each npm run case line sends the same event as the curl example beside it', () => {
    const withCli = guideExamples().flatMap((example) => (example.cli ? [example.cli] : []))
    expect(withCli.length).toBeGreaterThanOrEqual(8)
    for (const { args, event } of withCli) {
      const [command, ...rest] = args
      const values: Record<string, string | string[]> = {}
      const positionals: string[] = []
      for (let i = 0; i < rest.length; i += 1) {
        const name = rest[i].startsWith('--') ? rest[i].slice(2) : undefined
        if (!name) {
          positionals.push(rest[i])
          continue
        }
        const value = rest[(i += 1)]
        values[name] = name === 'doc' || name === 'question' ? [...((values[name] as string[] | undefined) ?? []), value] : value
      }
      expect(sameEvent(eventFor(command as 'move' | 'ask', positionals, values))).toEqual(sameEvent(event))
    }
  })
})

describe.each(dbKinds)('the integration guide’s examples against a listening server on %s', (kind) => {
  let t: ApplyTestApp
  let baseUrl: string

  beforeAll(async () => {
    await execFileAsync('bash', ['-c', 'command -v curl && command -v openssl']).catch(() => {
      throw new Error('the integration guide’s examples run with curl and openssl: apt-get install -y curl openssl')
    })
    t = await startApplyApp(kind, { envOverrides: { CASE_EVENTS_SECRET: SECRET }, clock: () => new Date() })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await t.close()
  })

  /** 王秀英 signs in and submits the example application, as the app would. */
  async function submitExampleApplication() {
    const signIn = await fetch(`${baseUrl}/api/v1/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'wang-xiuying' }) })
    const { token } = (await signIn.json()) as { token: string }
    const submitted = await fetch(`${baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(APPLICATION_EXAMPLE),
    })
    expect({ status: submitted.status, body: submitted.status === 201 ? null : await submitted.json() }).toEqual({ status: 201, body: null })
    return ApplicationResponseSchema.parse(await submitted.json())
  }

  async function runExample(script: string, claimId: string): Promise<DocumentedAnswer> {
    const { stdout } = await execFileAsync('bash', ['-c', `${SETUP_SCRIPT}\n${script}`], {
      env: { ...process.env, BASE_URL: baseUrl, CASE_EVENTS_SECRET: SECRET, [CLAIM_VARIABLE]: claimId },
    })
    const lines = stdout.trimEnd().split('\n')
    const status = /^HTTP (\d{3})$/.exec(lines.at(-1) ?? '')
    if (!status) throw new Error(`no HTTP status in the output:\n${stdout}`)
    return { status: Number(status[1]), body: JSON.parse(lines.slice(0, -1).join('\n')) }
  }

  test('each example, run with bash, openssl and curl, gets the answer the guide shows', async () => {
    const application = await submitExampleApplication()
    const claimOf = (benefit: BenefitId) => application.claims.find((claim) => claim.benefit === benefit)?.id ?? ''
    const examples = guideExamples()
    for (const example of examples) {
      const claimId = example.benefit ? claimOf(example.benefit) : ''
      const answer = await runExample(example.script, claimId)
      const expected = withClaimId(example.answer, claimId)
      expect({ title: example.title, mismatch: mismatch(answer, expected, application.id) }).toEqual({ title: example.title, mismatch: null })
    }

    // What the resident sees afterwards: the 低保 claim's record, step by step, with the office to call.
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'wang-xiuying' } })).json().token
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${application.id}`, headers: { authorization: `Bearer ${token}` } })).json()
    const dibao = detail.claims.find((claim: { benefit: string }) => claim.benefit === 'dibao')
    expect(dibao.timeline.map((entry: { status: string }) => entry.status)).toEqual(['submitted', 'accepted', 'needs_info', 'verifying', 'public_notice', 'approved', 'paying'])
    expect(dibao.office).toEqual({ name: '坞城街道办事处', phone: '0351-7654321' })
    expect(dibao.decision).toEqual({ payment: 'monthly', amountFen: 66900, startMonth: '2026-04' })
    expect(new Map(detail.claims.map((claim: { benefit: string; status: string }) => [claim.benefit, claim.status]))).toEqual(
      new Map([
        ['dibao', 'paying'],
        ['temporary_assistance', 'approved'],
        ['rigid_expense', 'rejected'],
        ['elderly_care_subsidy', 'withdrawn'],
        ['home_modification_subsidy', 'referred'],
      ]),
    )
  })
})

function isEventResult(body: unknown): body is { status: string } {
  return typeof body === 'object' && body !== null && 'previousStatus' in body
}

/** An event as it changes a claim: without its id and time, the amount in fen, absent fields dropped. */
function sameEvent(event: CaseEvent) {
  const { eventId: _id, at: _at, decision, ...rest } = JSON.parse(JSON.stringify(event)) as CaseEvent
  return { ...rest, ...(decision ? { decision: decisionOf(decision) } : {}) }
}

/**
 * Where `actual` differs from the documented answer, or null. The guide's placeholders stand for the
 * application's id, any claim id and any instant; arrays match in any order (the pull lists claims
 * changed at the same moment in no fixed order).
 */
function mismatch(actual: unknown, documented: unknown, applicationId: string, path = '$'): string | null {
  if (documented === PLACEHOLDERS.applicationId) return actual === applicationId ? null : `${path}: ${JSON.stringify(actual)} is not the application's id`
  if (documented === PLACEHOLDERS.claimId) return typeof actual === 'string' && UUID.test(actual) ? null : `${path}: ${JSON.stringify(actual)} is not a claim id`
  if (documented === PLACEHOLDERS.time) return typeof actual === 'string' && INSTANT.test(actual) ? null : `${path}: ${JSON.stringify(actual)} is not an instant`
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual) || actual.length !== documented.length) return `${path}: expected ${documented.length} items, got ${JSON.stringify(actual)}`
    const unused = [...actual]
    for (const [index, item] of documented.entries()) {
      const found = unused.findIndex((candidate) => mismatch(candidate, item, applicationId) === null)
      if (found < 0) return `${path}[${index}]: no item like ${JSON.stringify(item)} in ${JSON.stringify(actual)}`
      unused.splice(found, 1)
    }
    return null
  }
  if (typeof documented === 'object' && documented !== null) {
    if (typeof actual !== 'object' || actual === null) return `${path}: expected an object, got ${JSON.stringify(actual)}`
    const keys = new Set([...Object.keys(documented), ...Object.keys(actual)])
    for (const key of keys) {
      const found = mismatch((actual as Record<string, unknown>)[key], (documented as Record<string, unknown>)[key], applicationId, `${path}.${key}`)
      if (found) return found
    }
    return null
  }
  return Object.is(actual, documented) ? null : `${path}: expected ${JSON.stringify(documented)}, got ${JSON.stringify(actual)}`
}
