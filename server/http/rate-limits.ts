// Rate limits for the routes people could abuse (shared/API.md): sign-in, submission, invitation, upload,
// and the public screening. Off globally; a route opts in with `config: { rateLimit: app.rateLimits.signIn }`.
// Over the limit: 429 with `Retry-After` (seconds) and the error body `{error:'rate_limited', …}`.
//
// Where the counters live: with REDIS_URL, in Redis, shared by every instance (one address's sign-ins are
// counted together whichever instance answers them); without it, in this process's memory (one instance).
//
// When Redis cannot be reached, each limit decides (`skipOnError`):
// - screening fails OPEN: it is anonymous, stores nothing and costs only CPU, and its peaks (a new standard
//   announced) are exactly when refusing residents would hurt most;
// - sign-in, submission, upload and invitations fail CLOSED with 503 `rate_limit_unavailable` and
//   Retry-After: unlimited, they would let a script burn our WeChat quota, fill the database with
//   documents or applications, or guess invitation codes.
import type { FastifyRequest } from 'fastify'
import type { RateLimitOptions } from '@fastify/rate-limit'
import type { Redis } from 'ioredis'
import { HttpError } from '../errors'

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

/** Seconds a client is asked to wait when a fail-closed limit cannot be counted. */
export const UNAVAILABLE_RETRY_AFTER_S = 30

/** Keys by the signed-in person when the route authenticates first, by address otherwise. */
function personOrAddress(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`
}

/**
 * For signed-in routes: counted in preHandler, after `app.authenticate` (listed first in the route's
 * preHandler) has set `request.user`.
 */
function perPerson(options: Pick<RateLimitOptions, 'max' | 'timeWindow'>): RateLimitOptions {
  return { ...options, hook: 'preHandler', keyGenerator: personOrAddress, skipOnError: false }
}

export function buildRateLimits(overrides: RateLimitOverrides = {}): RateLimits {
  return {
    signIn: { max: 30, timeWindow: '1 minute', skipOnError: false, ...overrides.signIn },
    submission: perPerson({ max: 20, timeWindow: '1 hour', ...overrides.submission }),
    upload: perPerson({ max: 60, timeWindow: '1 hour', ...overrides.upload }),
    invitation: perPerson({ max: 20, timeWindow: '1 hour', ...overrides.invitation }),
  }
}

/** The answer of a fail-closed limit while its counter cannot be reached. */
export function rateLimitUnavailable(cause: unknown): HttpError {
  return new HttpError(
    503,
    '服务暂时繁忙，请稍后再试。',
    { code: 'rate_limit_unavailable', headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) } },
    cause,
  )
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void

/** One counter per key and window: INCR, the window's expiry set by the first hit; answers [count, ms left]. */
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`

interface RouteNaming {
  method?: string | string[]
  url?: string
}

type RedisWithIncrement = Redis & { jinxinRateLimit(key: string, windowMs: number): Promise<[number, number]> }

/**
 * `@fastify/rate-limit`'s store option: the counters in Redis under `prefix` (`jinxin:rate:POST/api/v1/auth/wechat:ip:…`).
 * A Redis failure is handed to the plugin as a 503 HttpError, which limits with `skipOnError` ignore.
 */
export function redisRateLimitStore(redis: Redis, prefix: string) {
  if (!('jinxinRateLimit' in redis)) redis.defineCommand('jinxinRateLimit', { numberOfKeys: 1, lua: INCREMENT })
  const counting = redis as RedisWithIncrement
  return class RedisRateLimitStore {
    private readonly keyPrefix: string
    constructor(_params: unknown, keyPrefix = `${prefix}rate:`) {
      this.keyPrefix = keyPrefix
    }
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      counting.jinxinRateLimit(`${this.keyPrefix}${key}`, timeWindow).then(
        ([current, ttl]) => callback(null, { current, ttl }),
        (error: unknown) => callback(rateLimitUnavailable(error)),
      )
    }
    /** One set of counters per route. The plugin passes the route as `routeInfo` (its typings say the route itself). */
    child(routeOptions: RouteNaming & { routeInfo?: RouteNaming }): RedisRateLimitStore {
      const route = routeOptions.routeInfo ?? routeOptions
      return new RedisRateLimitStore(undefined, `${this.keyPrefix}${[route.method ?? ''].flat().join(',')}${route.url ?? ''}:`)
    }
  }
}
