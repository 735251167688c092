// The public pre-screen (shared/POLICY.md): the benefit catalogue on a date, and screening a household.
// Both run the same domain code as the app; anonymous, nothing stored, nothing about the household logged.
import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  BenefitCatalogueQuerySchema,
  BenefitCatalogueSchema,
  NO_POLICY_IN_FORCE,
  ScreeningRequestSchema,
  ScreeningResponseSchema,
  benefitCatalogue,
  isNoPolicyInForce,
  screen,
  todayInShanghai,
} from '@/domain/screening'
import { unprocessable } from '../errors'

/**
 * Per client address, for each of the two routes. Generous: it is the public pre-screen and many
 * residents share one carrier address; it only stops a script from monopolising the CPU.
 */
export const PUBLIC_SCREENING_LIMIT: RateLimitOptions = { max: 300, timeWindow: '1 minute' }

export interface ScreeningRoutesOptions {
  /** Tests and benchmarks set their own limit; `false` turns it off. */
  rateLimit?: RateLimitOptions | false
}

/** Runs a domain call, answering a date before the parameters begin with 422 `no_policy_in_force`. */
function withPolicyInForce<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (isNoPolicyInForce(error)) throw unprocessable(error.message, { code: NO_POLICY_IN_FORCE })
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
          summary: 'The benefit catalogue with the parameters in force on a date (default: today in Asia/Shanghai)',
          tags: ['screening'],
          querystring: BenefitCatalogueQuerySchema,
          response: { 200: BenefitCatalogueSchema },
        },
      },
      async (request) => withPolicyInForce(() => benefitCatalogue(request.query.date ?? todayInShanghai(app.clock()))),
    )

    app.post(
      '/screening',
      {
        config: { rateLimit },
        schema: {
          summary: 'Screen a household for all 13 benefits (an estimate, not a decision; nothing is stored)',
          tags: ['screening'],
          body: ScreeningRequestSchema,
          response: { 200: ScreeningResponseSchema },
        },
      },
      // A dated request never needs today: todayInShanghai's time-zone conversion costs more than the 13 rules.
      async (request) => withPolicyInForce(() => screen(request.body, request.body.date ?? todayInShanghai(app.clock()))),
    )
  }
}

/** `GET /api/v1/benefits?date=` and `POST /api/v1/screening`. */
export const screeningRoutes = screeningRoutesWith()
