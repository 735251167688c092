// The API document at /api/v1/openapi.json, as integrators and code generators read it: valid OpenAPI
// by a standard validator, listing every route the server registers (a route added later is checked
// the same way), in Chinese for people, with every error answer's body and examples that the routes'
// own schemas accept.
import SwaggerParser from '@apidevtools/swagger-parser'
import type { RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { API_PREFIX } from '../../server/app'
import { BEARER_AUTH, CASE_EVENT_SIGNATURE } from '../../server/openapi/document'
import { examplesOf } from '../../server/openapi/examples'
import { routePlugins } from '../../server/routes'
import { startTestApp, type TestApp } from './helpers/app'

interface Operation {
  summary?: string
  description?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: { properties?: Record<string, unknown> }; examples?: Record<string, { summary?: string; value: unknown }> }> }>
}

interface OpenApiDocument {
  openapi: string
  tags: { name: string; description?: string }[]
  components: { securitySchemes: Record<string, { description?: string }> }
  paths: Record<string, Record<string, Operation>>
}

jest.setTimeout(60_000)

const CHINESE = /[\u4e00-\u9fff]/
/** Routes under /api/v1 deliberately left out of the document. */
const UNDOCUMENTED = ['GET /api/v1/openapi.json']

/** Records every route as the server registers it (on the root, so it sees every plugin's routes). */
function recordRoutes(routes: RouteOptions[]): FastifyPluginAsyncZod {
  return fp(async (app) => {
    app.addHook('onRoute', (route) => void routes.push(route))
  })
}

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method])
/** `/applications/:id` as OpenAPI writes it: `/applications/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

describe('the API document', () => {
  let t: TestApp
  let doc: OpenApiDocument
  const registered: RouteOptions[] = []
  const apiRoutes = () => registered.filter((route) => route.url.startsWith(API_PREFIX))
  const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })))

  beforeAll(async () => {
    t = await startTestApp('pglite', { routes: [recordRoutes(registered), ...routePlugins] })
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    doc = response.json()
  })
  afterAll(async () => {
    await t?.close()
  })

  test('is valid OpenAPI by @apidevtools/swagger-parser, references and all', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined()
    // The draft payload is any JSON: one named component that refers to itself, not a dangling reference.
    expect(JSON.stringify(doc.paths['/api/v1/drafts/current'])).toContain('#/components/schemas/JsonValue')
  })

  test('lists every route the server registers under /api/v1, and nothing else', () => {
    const served = apiRoutes().flatMap((route) => methodsOf(route).map((method) => `${method} ${openApiPath(route.url)}`))
    // Fastify answers HEAD for every GET by itself; the document lists the GET.
    const expected = served.filter((name) => !name.startsWith('HEAD ') && !UNDOCUMENTED.includes(name)).sort()
    expect(expected.length).toBeGreaterThanOrEqual(20)
    expect(operations().map((entry) => entry.name).sort()).toEqual(expected)
  })

  test('names each operation in Chinese under a described tag', () => {
    const tags = new Map(doc.tags.map((tag) => [tag.name, tag.description ?? '']))
    for (const { name, operation } of operations()) {
      expect({ name, summary: CHINESE.test(operation.summary ?? '') }).toEqual({ name, summary: true })
      expect({ name, tags: (operation.tags ?? []).length > 0 && (operation.tags ?? []).every((tag) => CHINESE.test(tags.get(tag) ?? '')) }).toEqual({ name, tags: true })
    }
  })

  test('explains sign-in and the review system’s signature, and asks for each where the route needs it', () => {
    const schemes = doc.components.securitySchemes
    expect(schemes[BEARER_AUTH].description).toContain('Authorization: Bearer <token>')
    expect(schemes[BEARER_AUTH].description).toContain('POST /api/v1/auth/wechat')
    expect(schemes[CASE_EVENT_SIGNATURE]).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Signature' })
    expect(schemes[CASE_EVENT_SIGNATURE].description).toContain('HMAC-SHA256')
    expect(schemes[CASE_EVENT_SIGNATURE].description).toContain('X-Signature: sha256=<hex>')
    expect(schemes[CASE_EVENT_SIGNATURE].description).toContain('CASE_EVENTS_SECRET')
    for (const { name, operation } of operations()) {
      const asked = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement))
      for (const scheme of asked) expect({ name, scheme, declared: scheme in schemes }).toEqual({ name, scheme, declared: true })
      // Whoever must sign in or sign is told what the refusal looks like.
      if (asked.length > 0) expect({ name, documents401: '401' in operation.responses }).toEqual({ name, documents401: true })
    }
    expect(doc.paths['/api/v1/case-events'].post.security).toEqual([{ [CASE_EVENT_SIGNATURE]: [] }])
    expect(doc.paths['/api/v1/applications'].post.security).toEqual([{ [BEARER_AUTH]: [] }])
    expect(doc.paths['/api/v1/health'].get.security).toBeUndefined()
  })

  test('documents every error answer with its body {error, message, issues}, when it happens, and an example', () => {
    for (const { name, operation } of operations()) {
      const errors = Object.entries(operation.responses).filter(([status]) => /^[45]/.test(status))
      expect({ name, statuses: errors.map(([status]) => status) }).toEqual({ name, statuses: expect.arrayContaining(['4XX', '5XX', '500']) })
      for (const [status, response] of errors) {
        const media = response.content?.['application/json']
        const where = `${name} ${status}`
        expect({ where, described: CHINESE.test(response.description) }).toEqual({ where, described: true })
        expect({ where, fields: Object.keys(media?.schema.properties ?? {}) }).toEqual({ where, fields: expect.arrayContaining(['error', 'message', 'issues']) })
        const examples = Object.values(media?.examples ?? {})
        expect({ where, examples: examples.length > 0 }).toEqual({ where, examples: true })
        // Some answers carry more (the current draft, the existing application): the common fields always.
        for (const example of examples) expect(example.value).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.stringMatching(CHINESE), ...issuesOf(example.value) }))
      }
    }
    const badRequest = doc.paths['/api/v1/screening'].post.responses['400'].content?.['application/json'].examples ?? {}
    expect(badRequest.invalid_request.value).toEqual({ error: 'invalid_request', message: expect.any(String), issues: [{ path: 'members.0.age', message: expect.any(String) }] })
    const caseEvents = doc.paths['/api/v1/case-events'].post.responses
    expect(caseEvents['409'].content?.['application/json'].examples?.invalid_transition.value).toEqual({ error: 'invalid_transition', message: '不能从“核对调查中”变为“已批准”。' })
    expect(caseEvents['401'].content?.['application/json'].examples?.bad_signature.value).toEqual({ error: 'bad_signature', message: '签名无效。' })
    // An answer that carries more than the common body says so.
    expect(Object.keys(doc.paths['/api/v1/drafts/current'].put.responses['409'].content?.['application/json'].schema.properties ?? {})).toContain('current')
  })

  test('gives every JSON request body examples that the route’s own schema accepts', () => {
    const withBodies = apiRoutes().filter((route) => route.schema?.body)
    expect(withBodies.length).toBeGreaterThanOrEqual(8)
    for (const route of withBodies) {
      const name = `${methodsOf(route).join(',')} ${route.url}`
      const schema = route.schema?.body as z.ZodType
      const examples = Object.entries(examplesOf(schema) ?? {})
      expect({ name, examples: examples.length > 0 }).toEqual({ name, examples: true })
      for (const [example, { summary, value }] of examples) {
        const parsed = schema.safeParse(value)
        expect({ name, example, summary: CHINESE.test(summary), issues: parsed.error?.issues ?? [] }).toEqual({ name, example, summary: true, issues: [] })
      }
      const documented = doc.paths[openApiPath(route.url)][methodsOf(route)[0].toLowerCase()].requestBody?.content['application/json'].examples ?? {}
      expect({ name, documented: Object.keys(documented).sort() }).toEqual({ name, documented: examples.map(([key]) => key).sort() })
    }
    const application = doc.paths['/api/v1/applications'].post.requestBody?.content['application/json'].examples ?? {}
    expect(application.forOneself.value).toMatchObject({ beneficiary: { name: '王秀英' } })
    const caseEvent = doc.paths['/api/v1/case-events'].post.requestBody?.content['application/json'].examples ?? {}
    expect(Object.keys(caseEvent)).toEqual(expect.arrayContaining(['accepted', 'needs_info', 'approved', 'rejected']))
  })
})

function issuesOf(body: unknown): { issues?: unknown } {
  return typeof body === 'object' && body !== null && 'issues' in body ? { issues: expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]) } : {}
}
