// `npm run serve`: check the environment, open and migrate the database, listen.
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { describeDb, migrate, openDb, type Db } from './db'
import { EnvError, loadEnv, type Env } from './env'
import { seedSampleFacilitiesIfEmpty } from './facilities/seed'

/** On SIGTERM, requests under way get this long to finish; then their connections are closed. */
const DRAIN_TIMEOUT_MS = 25_000

/** Before the logger exists (a bad environment), plain text on stderr is the clearest message. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

async function start(): Promise<void> {
  let env: Env
  try {
    env = loadEnv()
  } catch (error) {
    if (error instanceof EnvError) fail(error.message)
    throw error
  }

  let db: Db
  try {
    db = await openDb(env)
  } catch (error) {
    fail(`晋心助手 cannot start: could not open ${describeDb(env)}: ${(error as Error).message}`)
  }

  let app: FastifyInstance
  try {
    app = await buildApp({ env, db })
  } catch (error) {
    await db.close()
    throw error
  }
  const log = app.log

  for (const name of env.developmentDefaults) {
    log.warn(`${name} is not set: using a fixed development value. Never use it for real people's data; production refuses to start without it.`)
  }
  if (!env.wechat) log.warn('WeChat credentials are not set: sign-in uses the development identity (the code itself is the person).')

  // Draining: /ready answers 503, no new connection is accepted, requests under way (and any arriving on
  // an open connection) are answered with `Connection: close`; then the jobs stop and the process exits.
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.readiness.drain()
    log.info({ signal }, 'draining: finishing the requests under way, then exiting')
    const force = setTimeout(() => {
      log.warn({ afterMs: DRAIN_TIMEOUT_MS }, 'requests still under way when the drain time ran out; closing their connections')
      app.server.closeAllConnections()
    }, DRAIN_TIMEOUT_MS)
    force.unref()
    try {
      await app.close()
    } finally {
      clearTimeout(force)
      await db.close()
    }
    log.info({ signal }, 'stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  try {
    const { applied } = await migrate(db, { logger: log })
    log.info({ applied: applied.length }, applied.length > 0 ? `database migrated: ${applied.join(', ')}` : 'database up to date')
    // First start: the care finder's sample set (marked as sample data); the index is built after listen.
    const seed = await seedSampleFacilitiesIfEmpty(db)
    if (seed.seeded > 0) log.info({ count: seed.seeded, generateMs: Math.round(seed.generateMs), writeMs: Math.round(seed.writeMs) }, 'sample facilities seeded')
    await app.listen({ port: env.port, host: env.host })
  } catch (error) {
    log.fatal({ err: error }, 'could not start')
    await app.close().catch(() => undefined)
    await db.close()
    process.exit(1)
  }

  // Listening but not ready: /ready answers 503 until the facility index is built.
  await app.readiness.becomeReady()
  if (closing) return
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : env.port
  const shownHost = env.host === '0.0.0.0' || env.host === '::' ? '127.0.0.1' : env.host
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`
  log.info({ db: db.kind, url }, `晋心助手 running at ${url} (database: ${describeDb(env)})`)
  // The one line a newcomer looks for, also when the log level hides info.
  process.stdout.write(`晋心助手 running at ${url}  (database: ${describeDb(env)})\n`)
}

start().catch((error: unknown) => {
  process.stderr.write(`晋心助手 failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
