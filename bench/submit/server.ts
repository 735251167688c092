/**
 * One server instance for bench/submit's two-instance run, in its own process: the real app on the
 * database and Redis the environment names (DATABASE_URL with the bench's schema, REDIS_URL), production
 * logging into a sink, rate limits lifted. Prints `{"port": N}` once ready; exits on SIGTERM.
 */
import type { AddressInfo } from 'node:net'
import { buildApp } from '../../server/app'
import { openDb } from '../../server/db'
import { loadEnv } from '../../server/env'

async function start(): Promise<void> {
  const env = loadEnv()
  const db = await openDb(env)
  const unlimited = { max: 1_000_000, timeWindow: '1 hour' }
  const app = await buildApp({ env, db, logStream: { write: () => undefined }, rateLimits: { signIn: unlimited, submission: unlimited, upload: unlimited } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  await app.readiness.becomeReady()
  process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`)
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
  })
}

start().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
