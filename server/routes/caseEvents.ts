// `POST /api/v1/case-events`: status changes from the civil-affairs review system, signed with
// HMAC-SHA256 over the exact bytes (`X-Signature: sha256=<hex>`, secret CASE_EVENTS_SECRET), replay-safe
// by event id. `POST /api/v1/case-events/claims`: the claims (ids, benefit, status; no personal data)
// for the development review system (`npm run case -- list`), signed the same way.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { CASE_EVENT_SIGNATURE_HEADER, CaseClaimListRequestSchema, CaseClaimListSchema, CaseEventResultSchema, CaseEventSchema } from '@/domain/claims'
import { applyCaseEvent, listCaseClaims } from '../cases/caseEvents'
import { hmacSha256Hex, safeEqual, sha256Hex } from '../crypto'
import { unauthorized } from '../errors'
import { keepRawJsonBody } from '../http/raw-body'

/** How far a signed list request's `requestedAt` may be from the server's clock. */
const LIST_REQUEST_WINDOW_MS = 5 * 60 * 1000

export const caseEventRoutes: FastifyPluginAsyncZod = async (parent) => {
  await parent.register(async (plugin) => {
    keepRawJsonBody(plugin)
    const app = plugin.withTypeProvider<ZodTypeProvider>()
    const secret = app.env.caseEventsSecret

    // Before the body is validated: an unsigned or wrongly signed request is 401 whatever it contains.
    const verifySignature = async (request: FastifyRequest, _reply: FastifyReply) => {
      const header = request.headers[CASE_EVENT_SIGNATURE_HEADER]
      const given = typeof header === 'string' ? header.trim() : ''
      const expected = `sha256=${hmacSha256Hex(secret, request.rawBody ?? Buffer.alloc(0))}`
      if (!request.rawBody || !safeEqual(given.toLowerCase(), expected)) throw unauthorized('签名无效。', { code: 'bad_signature' })
    }

    app.post(
      '/case-events',
      {
        preValidation: verifySignature,
        schema: {
          summary: 'A status change from the civil-affairs review system (HMAC-SHA256 signed, replay-safe by eventId)',
          tags: ['track'],
          body: CaseEventSchema,
          response: { 200: CaseEventResultSchema },
        },
      },
      async (request) => {
        const outcome = await applyCaseEvent(app.db, request.body, sha256Hex((request.rawBody ?? Buffer.alloc(0)).toString('utf8')), app.clock())
        request.log.info(
          { eventId: request.body.eventId, claimId: request.body.claimId, status: request.body.status, replayed: outcome.replayed },
          outcome.replayed ? 'case event replayed' : 'case event applied',
        )
        return outcome.result
      },
    )

    app.post(
      '/case-events/claims',
      {
        preValidation: verifySignature,
        schema: {
          summary: 'The claims and their statuses, without personal data (development review system; signed body {requestedAt})',
          tags: ['track'],
          body: CaseClaimListRequestSchema,
          response: { 200: CaseClaimListSchema },
        },
      },
      async (request) => {
        if (Math.abs(new Date(request.body.requestedAt).getTime() - app.clock().getTime()) > LIST_REQUEST_WINDOW_MS) {
          throw unauthorized('请求已过期。', { code: 'stale_request' })
        }
        return { claims: await listCaseClaims(app.db) }
      },
    )
  })
}
