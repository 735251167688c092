// What the server core adds to Fastify's instance and request, for every route plugin to use.
import type { FieldCrypto } from './crypto'
import type { Db } from './db'
import type { Env } from './env'
import type { RateLimits } from './http/rate-limits'
import type { Readiness } from './http/readiness'
import type { Scheduler } from './jobs/scheduler'
import type { IdentityProvider } from './services/identity'
import type { AuthUser } from './services/sessions'

export type Clock = () => Date

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    env: Env
    /** The current time; injectable so tests can move it (session expiry, deadlines). */
    clock: Clock
    fieldCrypto: FieldCrypto
    identityProvider: IdentityProvider
    rateLimits: RateLimits
    /** `starting`, `ready` or `draining`, for `GET /api/v1/ready` (http/readiness.ts). */
    readiness: Readiness
    /** Work once per period across every instance (jobs/scheduler.ts). */
    scheduler: Scheduler
    /** Whether scheduled jobs and notification delivery run by themselves (BuildAppOptions.background). */
    background: boolean
    /** preHandler: sets `request.user` from `Authorization: Bearer <token>`, or answers 401. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
  interface FastifyRequest {
    /** The signed-in person after `app.authenticate`; null on anonymous routes. */
    user: AuthUser | null
  }
}
