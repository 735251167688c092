// What the server core adds to Fastify's instance and request, for every route plugin to use.
import type { FieldCrypto } from './crypto'
import type { Db } from './db'
import type { Env } from './env'
import type { RateLimits } from './http/rate-limits'
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
    /** preHandler: sets `request.user` from `Authorization: Bearer <token>`, or answers 401. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
  interface FastifyRequest {
    /** The signed-in person after `app.authenticate`; null on anonymous routes. */
    user: AuthUser | null
  }
}
