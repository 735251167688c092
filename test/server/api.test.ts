// What a client of the API sees: health, sign-in and sessions, and the error body for everything it can
// get wrong. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { ApiErrorBodySchema, SessionResponseSchema } from '@/domain/api'
import { hmacSha256Hex } from '../../server/crypto'
import { dbKinds } from './helpers/databases'
import { signIn, startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(60_000)

describe.each(dbKinds)('the API on %s', (kind) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t.close()
  })

  describe('GET /api/v1/health', () => {
    it('says ok, which database and the version', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ status: 'ok', db: kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    })
  })

  describe('POST /api/v1/auth/wechat (development identity)', () => {
    it('gives a token that works on a signed-in route', async () => {
      const session = await signIn(t.app, 'alice')
      expect(SessionResponseSchema.parse(session)).toEqual(session)
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Date.parse(session.expiresAt) - t.clock.now.getTime()).toBe(720 * 3_600_000)

      const me = await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization: `Bearer ${session.token}` } })
      expect(me.statusCode).toBe(200)
      expect(me.json().id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    })

    it('treats two codes as two people and the same code as the same person', async () => {
      const whoIs = async (code: string) => {
        const { token } = await signIn(t.app, code)
        const me = await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization: `Bearer ${token}` } })
        return me.json().id as string
      }
      const alice = await whoIs('alice')
      const bob = await whoIs('bob')
      expect(bob).not.toBe(alice)
      expect(await whoIs('alice')).toBe(alice)
    })

    it('gives a new token on each sign-in, and both keep working', async () => {
      const first = await signIn(t.app, 'carol')
      const second = await signIn(t.app, 'carol')
      expect(second.token).not.toBe(first.token)
      for (const { token } of [first, second]) {
        const me = await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization: `Bearer ${token}` } })
        expect(me.statusCode).toBe(200)
      }
    })

    it('refuses a missing or empty code with 400 and the field at fault', async () => {
      for (const payload of [{}, { code: '' }, { code: 42 }]) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload })
        expect(response.statusCode).toBe(400)
        expect(response.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'code', message: expect.any(String) }] })
      }
    })
  })

  describe('signed-in routes', () => {
    it('answer 401 with the error body when there is no token', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/me' })
      expect(response.statusCode).toBe(401)
      expect(response.headers['www-authenticate']).toBe('Bearer')
      expect(ApiErrorBodySchema.parse(response.json())).toEqual({ error: 'unauthorized', message: expect.any(String) })
    })

    it('answer 401 for a token that was never issued, or not a bearer token at all', async () => {
      for (const authorization of ['Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'Basic YWxpY2U6c2VjcmV0', 'Bearer', 'Bearer a b c']) {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization } })
        expect(response.statusCode).toBe(401)
        expect(response.json().error).toBe('unauthorized')
      }
    })

    it('answer 401 once the session has expired', async () => {
      const { token, expiresAt } = await signIn(t.app, 'dora')
      const request = () => t.app.inject({ method: 'GET', url: '/api/v1/test/me', headers: { authorization: `Bearer ${token}` } })
      const signedInAt = t.clock.now
      try {
        t.clock.now = new Date(Date.parse(expiresAt) - 1000)
        expect((await request()).statusCode).toBe(200)
        t.clock.now = new Date(Date.parse(expiresAt))
        const expired = await request()
        expect(expired.statusCode).toBe(401)
        expect(expired.json()).toEqual({ error: 'unauthorized', message: '登录已过期，请重新登录。' })
      } finally {
        t.clock.now = signedInAt
      }
    })
  })

  describe('errors', () => {
    it('answer malformed JSON with 400 and the error body', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/wechat',
        headers: { 'content-type': 'application/json' },
        payload: '{"code": "alice"',
      })
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json()).toEqual({ error: 'invalid_json', message: '请求内容不是有效的 JSON。' })
    })

    it('answer an empty JSON body with 400', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', headers: { 'content-type': 'application/json' }, payload: '' })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toBe('invalid_json')
    })

    it('answer a validation failure with 400 and each field by its dotted path, in Chinese', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/test/household',
        payload: { members: [{ name: '张三', age: 70 }, { name: '', age: -1 }] },
      })
      expect(response.statusCode).toBe(400)
      const body = ApiErrorBodySchema.parse(response.json())
      expect(body.error).toBe('invalid_request')
      expect(body.message).toBe('提交的内容有误，请检查后再试。')
      expect(body.issues?.map((issue) => issue.path).sort()).toEqual(['members.1.age', 'members.1.name'])
      for (const issue of body.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    })

    it('answer a bad query parameter with 400 and its name as the path', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/query?date=yesterday' })
      expect(response.statusCode).toBe(400)
      expect(response.json().issues).toEqual([{ path: 'date', message: expect.any(String) }])
    })

    it('answer a non-JSON content type with 415', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', headers: { 'content-type': 'text/plain' }, payload: 'alice' })
      expect(response.statusCode).toBe(415)
      expect(response.json()).toEqual({ error: 'unsupported_media_type', message: expect.any(String) })
    })

    it('answer a body over the limit with 413', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'x'.repeat(2 * 1024 * 1024) } })
      expect(response.statusCode).toBe(413)
      expect(response.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) })
    })

    it('answer an unknown API route with 404 JSON, whatever the method', async () => {
      for (const [method, url] of [['GET', '/api/v1/no-such-thing'], ['POST', '/api/v1/no-such-thing'], ['DELETE', '/api/v2/health'], ['GET', '/api']] as const) {
        const response = await t.app.inject({ method, url })
        expect(response.statusCode).toBe(404)
        expect(response.headers['content-type']).toMatch(/^application\/json/)
        expect(response.json()).toEqual({ error: 'not_found', message: expect.any(String) })
      }
    })

    it('pass a route’s own error code and message through', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/conflict' })
      expect(response.statusCode).toBe(409)
      expect(response.json()).toEqual({ error: 'stale_draft', message: '草稿已在别处更新，请刷新后再试。' })
    })

    it('answer a fault of ours with 500 and no internal detail', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/boom' })
      expect(response.statusCode).toBe(500)
      expect(response.json()).toEqual({ error: 'internal_error', message: expect.any(String) })
      expect(response.body).not.toContain('internal detail')
      expect(t.logs.join('\n')).toContain('internal detail that must not reach the client')
    })
  })

  describe('routes that verify a signature over the raw body', () => {
    it('see the exact bytes sent as well as the parsed body, and refuse bad JSON with 400', async () => {
      const payload = '{ "eventId" : "e-1",\n "note": "审核通过" }'
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/test/signed', headers: { 'content-type': 'application/json' }, payload })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ eventId: 'e-1', signature: `sha256=${hmacSha256Hex('test-secret', Buffer.from(payload, 'utf8'))}` })

      for (const bad of ['{"eventId":', '', '{"__proto__": {"x": 1}, "eventId": "e"}']) {
        const refused = await t.app.inject({ method: 'POST', url: '/api/v1/test/signed', headers: { 'content-type': 'application/json' }, payload: bad })
        expect(refused.statusCode).toBe(400)
        expect(refused.json().error).toBe('invalid_json')
      }
    })
  })

  describe('GET /api/v1/openapi.json', () => {
    it('lists the routes with their request and response schemas', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
      expect(response.statusCode).toBe(200)
      const doc = response.json()
      expect(doc.openapi).toMatch(/^3\./)
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/wechat']))
      expect(doc.paths['/api/v1/openapi.json']).toBeUndefined()
      const signInOp = doc.paths['/api/v1/auth/wechat'].post
      expect(signInOp.requestBody.content['application/json'].schema.properties.code.type).toBe('string')
      expect(signInOp.responses['200'].content['application/json'].schema.required).toEqual(['token', 'expiresAt'])
      expect(signInOp.responses['4XX']).toBeDefined()
      expect(doc.paths['/api/v1/test/me'].get.security).toEqual([{ bearerAuth: [] }])
      expect(doc.paths['/api/v1/health'].get.security).toBeUndefined()
    })
  })
})

describe('rate limits', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite', { rateLimits: { signIn: { max: 2, timeWindow: '1 minute' } } })
  })
  afterAll(async () => {
    await t.close()
  })

  it('answer sign-in past the limit with 429, Retry-After and the error body, per address', async () => {
    const attempt = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'eve' }, remoteAddress })
    expect((await attempt('10.0.0.1')).statusCode).toBe(200)
    expect((await attempt('10.0.0.1')).statusCode).toBe(200)
    const limited = await attempt('10.0.0.1')
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.json()).toEqual({ error: 'rate_limited', message: expect.any(String) })
    expect((await attempt('10.0.0.2')).statusCode).toBe(200)
  })

  it('leave routes without a limit alone', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '10.0.0.1' })).statusCode).toBe(200)
    }
  })
})
