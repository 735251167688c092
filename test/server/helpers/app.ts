// Builds the real app on a test database, with log lines captured and a clock the test can move.
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { buildApp, type BuildAppOptions } from '../../../server/app'
import { migrate, type DbKind } from '../../../server/db'
import { loadEnv, type Env } from '../../../server/env'
import { hmacSha256Hex } from '../../../server/crypto'
import { conflict } from '../../../server/errors'
import { requireUser } from '../../../server/http/auth'
import { keepRawJsonBody } from '../../../server/http/raw-body'
import { routePlugins } from '../../../server/routes'
import { openTestDb, type TestDb } from './databases'

/** A test environment: development mode, a missing H5 build unless `H5_DIST` is given. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info', H5_DIST: path.join(os.tmpdir(), 'jinxin-no-h5-build'), ...overrides })
}

/** Routes the tests need that the product does not have: one behind sign-in, one with a nested body … */
export const testRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/test/me',
    { preHandler: app.authenticate, schema: { response: { 200: z.object({ id: z.string() }) } } },
    async (request) => ({ id: requireUser(request).id }),
  )
  app.post(
    '/test/household',
    {
      schema: {
        body: z.object({
          members: z
            .array(z.object({ name: z.string().min(1), idNumber: z.string().optional(), phone: z.string().optional(), age: z.number().int().min(0).max(150) }))
            .min(1),
        }),
        response: { 200: z.object({ count: z.number() }) },
      },
    },
    async (request) => {
      // Careless logging on purpose: the logger must still keep personal data out.
      request.log.info({ body: request.body }, 'household received')
      request.log.info({ member: request.body.members[0] }, 'first member')
      return { count: request.body.members.length }
    },
  )
  app.get('/test/query', { schema: { querystring: z.object({ date: z.iso.date() }) } }, async (request) => ({ date: request.query.date }))
  app.get('/test/boom', async () => {
    throw new Error('internal detail that must not reach the client')
  })
  // A signed route, like case events: the signature covers the exact bytes received.
  await app.register(async (signed) => {
    keepRawJsonBody(signed)
    signed.withTypeProvider<ZodTypeProvider>().post('/test/signed', { schema: { body: z.object({ eventId: z.string() }) } }, async (request) => ({
      eventId: request.body.eventId,
      signature: `sha256=${hmacSha256Hex('test-secret', request.rawBody ?? Buffer.alloc(0))}`,
    }))
  })
  app.get('/test/conflict', async () => {
    throw conflict('草稿已在别处更新，请刷新后再试。', { code: 'stale_draft' })
  })
}

export interface TestApp {
  app: FastifyInstance
  testDb: TestDb
  logs: string[]
  clock: { now: Date }
  close(): Promise<void>
}

export async function startTestApp(kind: DbKind, options: Partial<BuildAppOptions> & { envOverrides?: Record<string, string> } = {}): Promise<TestApp> {
  const testDb = await openTestDb(kind)
  await migrate(testDb.db)
  const logs: string[] = []
  const clock = { now: new Date('2026-03-01T08:00:00Z') }
  const { envOverrides, ...rest } = options
  const app = await buildApp({
    env: testEnv(envOverrides),
    db: testDb.db,
    clock: () => clock.now,
    logStream: { write: (line: string) => void logs.push(line) },
    routes: [...routePlugins, testRoutes],
    // Notifications are delivered and jobs run by the tests themselves unless a test asks for the timers.
    background: false,
    ...rest,
  })
  await app.ready()
  // As main.ts does once listening: ready when the facility index is built.
  await app.readiness.becomeReady()
  return {
    app,
    testDb,
    logs,
    clock,
    async close() {
      await app.close()
      await testDb.cleanup()
    },
  }
}

export async function signIn(app: FastifyInstance, code: string): Promise<{ token: string; expiresAt: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`)
  return response.json()
}
