// The app's API client (src/lib/api) over real HTTP against the real server: sign-in, an expired
// session signed in again without losing the request, field errors, and retries that are safe.
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { createApiClient, type Session, type Transport } from '@/lib/api/client'
import { ApiError } from '@/lib/api/errors'
import { startTestApp, type TestApp } from './helpers/app'

/** Taro.request's shape, over fetch. */
const fetchTransport: Transport = async ({ url, method, data, header, timeout }) => {
  const response = await fetch(url, { method, headers: header, body: data === undefined ? undefined : JSON.stringify(data), signal: AbortSignal.timeout(timeout) }).catch(
    (error: Error) => {
      throw { errMsg: `request:fail ${error.message}` }
    },
  )
  const text = await response.text()
  return { statusCode: response.status, data: text ? JSON.parse(text) : undefined, header: Object.fromEntries(response.headers) }
}

function memorySessions() {
  let session: Session | undefined
  return { get: () => session, set: (s: Session) => void (session = s), clear: () => void (session = undefined) }
}

// Opening the embedded database takes seconds on a busy machine, more than jest's default 5 s for a hook.
jest.setTimeout(60_000)

const me = z.object({ id: z.string() })

describe('the app’s API client against the real server', () => {
  let test: TestApp
  let baseUrl: string

  beforeAll(async () => {
    test = await startTestApp('pglite')
    await test.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`
  })
  afterAll(() => test.close())

  function clientFor(code: string, overrides: Partial<Parameters<typeof createApiClient>[0]> = {}) {
    const logins: string[] = []
    const client = createApiClient({
      baseUrl,
      transport: fetchTransport,
      sessions: memorySessions(),
      loginCode: async () => {
        logins.push(code)
        return code
      },
      sleep: async () => undefined,
      ...overrides,
    })
    return { client, logins }
  }

  it('signs in on the first request that needs it, and two people stay two people', async () => {
    const daughter = clientFor('daughter-in-beijing')
    const father = clientFor('father-in-taiyuan')
    const a = await daughter.client.request({ path: '/test/me', schema: me, auth: true })
    const b = await father.client.request({ path: '/test/me', schema: me, auth: true })
    expect(a.id).not.toEqual(b.id)
    await daughter.client.request({ path: '/test/me', schema: me, auth: true })
    expect(daughter.logins).toHaveLength(1)
  })

  it('signs in again when the session has expired and still answers the request', async () => {
    const { client, logins } = clientFor('wang-nainai')
    const first = await client.request({ path: '/test/me', schema: me, auth: true })
    test.clock.now = new Date(test.clock.now.getTime() + 800 * 3600 * 1000)
    const again = await client.request({ path: '/test/me', schema: me, auth: true })
    expect(again.id).toBe(first.id)
    expect(logins).toHaveLength(2)
  })

  it('carries the server’s field errors so a form can show each next to its field', async () => {
    const { client } = clientFor('li-shushu')
    const error = await client
      .request({ method: 'POST', path: '/test/household', body: { members: [{ name: '李叔叔', age: 200 }] }, schema: z.object({ count: z.number() }) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).issueFor('members.0.age')).toEqual(expect.any(String))
  })

  it('says plainly that the answer was not what the app expects', async () => {
    const { client } = clientFor('zhao')
    const error = await client.request({ path: '/health', schema: z.object({ status: z.literal('down') }) }).catch((e: unknown) => e)
    expect((error as ApiError).kind).toBe('invalid_response')
  })

  it('retries a safe request when the network drops, waiting longer each time', async () => {
    const waits: number[] = []
    let calls = 0
    // The first two attempts never reach the server, as on a phone losing signal.
    const flaky: Transport = async (options) => {
      calls += 1
      if (calls <= 2) throw { errMsg: 'request:fail timeout' }
      return fetchTransport(options)
    }
    const { client } = clientFor('retry', { transport: flaky, sleep: async (ms) => void waits.push(ms) })
    const health = await client.request({ path: '/health', schema: z.object({ status: z.string() }) })
    expect(health.status).toBe('ok')
    expect(waits).toEqual([400, 1200])
  })

  it('does not resend a submission that is not safe to repeat, and says the network failed', async () => {
    let calls = 0
    const down: Transport = async () => {
      calls += 1
      throw { errMsg: 'request:fail connection refused' }
    }
    const { client } = clientFor('no-retry', { transport: down })
    const error = await client.request({ method: 'POST', path: '/test/household', body: { members: [] }, schema: z.unknown() }).catch((e: unknown) => e)
    expect((error as ApiError).kind).toBe('network')
    expect((error as ApiError).message).toContain('您填写的内容已保留')
    expect(calls).toBe(1)
  })
})
