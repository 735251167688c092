// Rate limits for the routes people could abuse (shared/API.md): sign-in, submission, invitation, upload.
// Off globally; a route opts in with `config: { rateLimit: app.rateLimits.signIn }`.
// Over the limit: 429 with `Retry-After` (seconds) and the error body `{error:'rate_limited', …}`.
// The counters live in this process's memory: one server instance, as deployed today.
import type { FastifyRequest } from 'fastify'
import type { RateLimitOptions } from '@fastify/rate-limit'

export interface RateLimits {
  /** `POST /auth/wechat`, per client address. Generous enough for a family behind one carrier NAT. */
  signIn: RateLimitOptions
  /** Application submissions and supplements, per signed-in person. */
  submission: RateLimitOptions
  /** Document uploads, per signed-in person. */
  upload: RateLimitOptions
  /** Creating and accepting family invitations, per signed-in person (accepting is where codes get guessed). */
  invitation: RateLimitOptions
}

export type RateLimitOverrides = Partial<Record<keyof RateLimits, Pick<RateLimitOptions, 'max' | 'timeWindow'>>>

/** Keys by the signed-in person when the route authenticates first, by address otherwise. */
function personOrAddress(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`
}

/**
 * For signed-in routes: counted in preHandler, after `app.authenticate` (listed first in the route's
 * preHandler) has set `request.user`.
 */
function perPerson(options: Pick<RateLimitOptions, 'max' | 'timeWindow'>): RateLimitOptions {
  return { ...options, hook: 'preHandler', keyGenerator: personOrAddress }
}

export function buildRateLimits(overrides: RateLimitOverrides = {}): RateLimits {
  return {
    signIn: { max: 30, timeWindow: '1 minute', ...overrides.signIn },
    submission: perPerson({ max: 20, timeWindow: '1 hour', ...overrides.submission }),
    upload: perPerson({ max: 60, timeWindow: '1 hour', ...overrides.upload }),
    invitation: perPerson({ max: 20, timeWindow: '1 hour', ...overrides.invitation }),
  }
}
