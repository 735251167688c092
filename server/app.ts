// The HTTP application: security, logging, validation, errors, the API's routes and their documentation
// (openapi/), and the H5 app.
// buildApp does not listen; main.ts does, and tests use app.inject or listen on port 0.
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createFieldCrypto } from './crypto'
import type { Db } from './db'
import type { Env } from './env'
import { installFacilities } from './facilities/service'
import { installAuthentication } from './http/auth'
import { handleFrameworkError, installErrorHandling } from './http/error-handler'
import { installH5 } from './http/h5'
import { buildRateLimits, redisRateLimitStore, type RateLimitOverrides } from './http/rate-limits'
import { createReadiness } from './http/readiness'
import { serializerCompiler } from './http/serializer'
import { createScheduler } from './jobs/scheduler'
import { validatorCompiler } from './http/zod-messages'
import { loggerOptions, type LogStream } from './logging'
import { installApiDocs } from './openapi/document'
import { routePlugins, type RoutePlugin } from './routes'
import { identityProviderFor, type IdentityProvider } from './services/identity'
import { closeRedis, openRedis, waitForRedis } from './services/redis'
import type { Clock } from './types'

export const API_PREFIX = '/api/v1'
/** API answers larger than this many bytes are compressed for clients that accept it. */
export const API_COMPRESSION_THRESHOLD = 1024
/** JSON bodies above this are refused with 413; the upload route sets its own larger limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

export interface BuildAppOptions {
  env: Env
  /** Open and migrated. The app does not close it: whoever opened it does. */
  db: Db
  /** Defaults to WeChat's code2session when credentials are set, the development identity otherwise. */
  identityProvider?: IdentityProvider
  clock?: Clock
  /** Where log lines go (tests capture them); standard output by default. */
  logStream?: LogStream
  rateLimits?: RateLimitOverrides
  /** Route plugins under /api/v1; `routes/index.ts`'s list by default. Tests may append their own. */
  routes?: RoutePlugin[]
  /**
   * Scheduled jobs on their timers and notifications delivered as soon as they are queued (default). Tests
   * that deliver by hand turn it off; `app.scheduler.runDue()` still runs the jobs when called.
   */
  background?: boolean
}

/**
 * The Content-Security-Policy for the H5 app: every script is a file from this origin (the build moves
 * Taro's inline root-font-size script into the app's first script), so no inline script runs. Styles
 * stay open to inline ones: React and NutUI set style attributes, which is not script.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
    formAction: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    fontSrc: ["'self'", 'data:', 'https:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
  },
}

/** TRUST_PROXY=2: trust the nearest two proxies' X-Forwarded-For entries. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { env, db } = options
  const app = Fastify({
    logger: loggerOptions(env.logLevel, options.logStream),
    trustProxy: typeof env.trustProxy === 'number' ? trustHops(env.trustProxy) : env.trustProxy,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Request ids are ours, never taken from a client's header.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    frameworkErrors: handleFrameworkError,
    // While draining, a request arriving on an open keep-alive connection is still answered (with
    // `Connection: close`, so the client's next request goes to another instance) rather than refused.
    return503OnClosing: false,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // The API speaks JSON only: a text/plain body is refused (415) instead of reaching a route as a string.
  app.removeContentTypeParser('text/plain')

  app.decorate('db', db)
  app.decorate('env', env)
  app.decorate('clock', options.clock ?? (() => new Date()))
  app.decorate('fieldCrypto', createFieldCrypto(env.fieldEncryptionKey))
  app.decorate('identityProvider', options.identityProvider ?? identityProviderFor(env.wechat))
  app.decorate('rateLimits', buildRateLimits(options.rateLimits))
  app.decorate('readiness', createReadiness())
  app.decorate('background', options.background ?? true)
  app.decorate('scheduler', createScheduler(db, app.clock, app.log))
  const redis = env.redisUrl ? openRedis(env.redisUrl, app.log) : undefined
  app.addHook('onReady', async () => {
    // The first requests are counted in Redis when it answers within a second; otherwise limits fail open or closed.
    if (redis) await waitForRedis(redis, 1_000)
    if (app.background) app.scheduler.start()
  })
  app.addHook('onClose', async () => {
    await app.scheduler.close()
    if (redis) await closeRedis(redis)
  })
  installAuthentication(app)
  installErrorHandling(app)
  installFacilities(app)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  // Draining: a request that was under way is answered, and its connection closed, so the client's next
  // request opens a new one, which the load balancer sends to another instance.
  app.addHook('onSend', async (_request, reply) => {
    if (app.readiness.state === 'draining') reply.header('connection', 'close')
  })

  await app.register(helmet, { contentSecurityPolicy })
  // API answers above 1 KB (the nearby list, the screener's results) go out brotli- or gzip-compressed when
  // the client accepts it; the H5 build's files are compressed once, at build time (see http/h5.ts).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: API_COMPRESSION_THRESHOLD })
  await app.register(cors, {
    origin: env.corsOrigins.length > 0 ? env.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  })
  await app.register(rateLimit, { global: false, ...(redis ? { store: redisRateLimitStore(redis, env.redisPrefix) } : {}) })
  await installApiDocs(app, { prefix: API_PREFIX, authenticate: app.authenticate })

  const typed = app.withTypeProvider<ZodTypeProvider>()
  for (const plugin of options.routes ?? routePlugins) {
    await typed.register(plugin, { prefix: API_PREFIX })
  }

  await installH5(app, env.h5Dist)
  return app
}
