// Rate limits shared through Redis (REDIS_URL) and what happens when Redis cannot be reached: screening is
// let through (fails open), sign-in, submission, upload and invitations answer 503 (fail closed).
// The outage cases run everywhere (a Redis that is not there); the shared counters need REDIS_URL.
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { Redis } from 'ioredis'
import children from '../fixtures/screening-cases/children.json'
import { createSession, findOrCreateUser } from '../../server/services/sessions'
import { fixture, upload } from './apply-support'
import { startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(60_000)

const redisUrl = process.env.REDIS_URL

/** A port nothing listens on: Redis "down". */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const signIn = (t: TestApp, code: string, remoteAddress = '10.1.2.3') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code }, remoteAddress })
/** 10 岁的孤儿小梅 and her grandfather, screened anonymously. */
const screening = (t: TestApp, remoteAddress = '10.1.2.3') =>
  t.app.inject({ method: 'POST', url: '/api/v1/screening', payload: { ...children.cases[0].household, date: children.cases[0].date }, remoteAddress })

async function expectFailsClosed(t: TestApp): Promise<void> {
  const refused = await signIn(t, 'wang-xiuying')
  expect(refused.statusCode).toBe(503)
  expect(refused.headers['retry-after']).toBe('30')
  expect(refused.json()).toEqual({ error: 'rate_limit_unavailable', message: '服务暂时繁忙，请稍后再试。' })
}

describe('when Redis cannot be reached', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite', { envOverrides: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } })
  })
  afterAll(async () => {
    await t.close()
  })

  it('still screens households: that limit lets people through', async () => {
    for (let i = 0; i < 3; i += 1) expect((await screening(t)).statusCode).toBe(200)
  })

  it('refuses sign-in with 503, Retry-After and a plain message, never a 500', async () => {
    await expectFailsClosed(t)
  })

  it('refuses an upload by a person signed in before the outage with 503', async () => {
    // Signed in through another instance whose Redis still answered: the session lives in the database.
    const me = { authorization: `Bearer ${await sessionOn(t)}` }
    const response = await upload(t.app, me, { filename: 'id.jpg', contentType: 'image/jpeg', bytes: fixture('id-card.jpg') })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toMatchObject({ error: 'rate_limit_unavailable' })
  })

  it('keeps answering the routes without a limit', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(200)
  })
})

/** A session made as a sign-in on another instance (whose Redis answered) would have made it. */
async function sessionOn(t: TestApp): Promise<string> {
  const user = await findOrCreateUser(t.testDb.db, t.app.fieldCrypto, 'dev:li-guihua', t.clock.now)
  return (await createSession(t.testDb.db, user, t.clock.now, 24)).token
}

if (redisUrl) {
  describe('counters shared in Redis by two instances', () => {
    const prefix = `test:${process.pid}:${randomBytes(4).toString('hex')}:`
    let proxy: net.Server
    const sockets = new Set<net.Socket>()
    let redisPort = 0
    let a: TestApp
    let b: TestApp

    /** A TCP relay in front of the real Redis, so the test can cut instance A off and reconnect it. */
    async function startProxy(port: number): Promise<void> {
      const target = new URL(redisUrl ?? '')
      proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname)
        sockets.add(client).add(upstream)
        client.pipe(upstream).pipe(client)
        const end = () => {
          client.destroy()
          upstream.destroy()
        }
        client.on('error', end).on('close', end)
        upstream.on('error', end).on('close', end)
      })
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve))
      redisPort = (proxy.address() as net.AddressInfo).port
    }
    async function stopProxy(): Promise<void> {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      await new Promise((resolve) => proxy.close(resolve))
    }

    beforeAll(async () => {
      await startProxy(0)
      const limits = { rateLimits: { signIn: { max: 4, timeWindow: '1 minute' } } }
      a = await startTestApp('pglite', { ...limits, envOverrides: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_PREFIX: prefix } })
      b = await startTestApp('pglite', { ...limits, envOverrides: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } })
    })
    afterAll(async () => {
      await a.close()
      await b.close()
      await stopProxy().catch(() => undefined)
      const redis = new Redis(redisUrl)
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      await redis.quit()
    })

    it('counts one address’s sign-ins on both instances together: the fifth is 429 on either', async () => {
      const answers = []
      for (let i = 0; i < 6; i += 1) answers.push((await signIn(i % 2 === 0 ? a : b, `shared-${i}`, '10.9.9.9')).statusCode)
      expect(answers).toEqual([200, 200, 200, 200, 429, 429])
      // Another address has its own count.
      expect((await signIn(a, 'neighbour', '10.9.9.10')).statusCode).toBe(200)
    })

    it('when one instance loses Redis: its sign-in fails closed, its screening stays open, the other goes on; it recovers by itself', async () => {
      await stopProxy()
      await expectFailsClosed(a)
      expect((await screening(a)).statusCode).toBe(200)
      expect((await signIn(b, 'still-fine', '10.7.7.7')).statusCode).toBe(200)

      await startProxy(redisPort)
      const deadline = Date.now() + 10_000
      let status = 0
      while (status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        status = (await signIn(a, 'back-again', '10.6.6.6')).statusCode
      }
      expect(status).toBe(200)
    })
  })
}
