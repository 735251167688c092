// The public pre-screen (shared/POLICY.md): the benefit catalogue on a date, and screening a household.
// Both run the same domain code as the app; anonymous, nothing stored, nothing about the household logged.
import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  BenefitCatalogueQuerySchema,
  BenefitCatalogueSchema,
  NO_POLICY_IN_FORCE,
  NoPolicyInForceError,
  ScreeningRequestSchema,
  ScreeningResponseSchema,
  benefitCatalogue,
  isNoPolicyInForce,
  screen,
  todayInShanghai,
} from '@/domain/screening'
import { unprocessable } from '../errors'
import { SCREENING_EXAMPLES, withExamples } from '../openapi/examples'

/**
 * Per client address, for each of the two routes. Generous: it is the public pre-screen and many
 * residents share one carrier address; it only stops a script from monopolising the CPU. When the shared
 * counters (Redis) cannot be reached it lets requests through (see http/rate-limits.ts).
 */
export const PUBLIC_SCREENING_LIMIT: RateLimitOptions = { max: 300, timeWindow: '1 minute', skipOnError: true }

export interface ScreeningRoutesOptions {
  /** Tests and benchmarks set their own limit; `false` turns it off. */
  rateLimit?: RateLimitOptions | false
}

const noPolicyInForce = (error: NoPolicyInForceError) => unprocessable(error.message, { code: NO_POLICY_IN_FORCE })
export const TOO_EARLY = { 422: { when: '那一天还没有生效的救助政策标准（日期太早）', example: noPolicyInForce(new NoPolicyInForceError('2000-01-01')) } }

/** Runs a domain call, answering a date before the parameters begin with 422 `no_policy_in_force`. */
export function withPolicyInForce<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (isNoPolicyInForce(error)) throw noPolicyInForce(error)
    throw error
  }
}

export function screeningRoutesWith(options: ScreeningRoutesOptions = {}): FastifyPluginAsyncZod {
  const rateLimit = options.rateLimit ?? PUBLIC_SCREENING_LIMIT
  return async (app) => {
    app.get(
      '/benefits',
      {
        config: { rateLimit },
        schema: {
          summary: '补助目录，和某一天执行的各项标准（默认今天，北京时间）',
          tags: ['screening'],
          querystring: BenefitCatalogueQuerySchema,
          response: { 200: BenefitCatalogueSchema },
          errors: TOO_EARLY,
        },
      },
      async (request) => withPolicyInForce(() => benefitCatalogue(request.query.date ?? todayInShanghai(app.clock()))),
    )

    app.post(
      '/screening',
      {
        config: { rateLimit },
        schema: {
          summary: '按家庭情况估算 13 项补助各自可能符合与否（只是估算，不是审批结果；不保存任何内容）',
          description: '不知道的问题可以不答（null 或不给）：结果会说“可能符合”并说明还要确认什么。',
          tags: ['screening'],
          body: withExamples(ScreeningRequestSchema, SCREENING_EXAMPLES),
          response: { 200: ScreeningResponseSchema },
          errors: TOO_EARLY,
        },
      },
      // A dated request never needs today: todayInShanghai's time-zone conversion costs more than the 13 rules.
      async (request) => withPolicyInForce(() => screen(request.body, request.body.date ?? todayInShanghai(app.clock()))),
    )
  }
}

/** `GET /api/v1/benefits?date=` and `POST /api/v1/screening`. */
export const screeningRoutes = screeningRoutesWith()
