// `POST /api/v1/case-events`: status changes from the civil-affairs review system, signed with
// HMAC-SHA256 over the exact bytes (`X-Signature: sha256=<hex>`, secret CASE_EVENTS_SECRET), replay-safe
// by event id. `POST /api/v1/case-events/claims`: the claims (ids, benefit, status; no personal data)
// for the development review system (`npm run case -- list`), signed the same way.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { CASE_EVENT_SIGNATURE_HEADER, CaseClaimListRequestSchema, CaseClaimListSchema, CaseEventResultSchema, CaseEventSchema } from '@/domain/claims'
import { applyCaseEvent, eventIdReused, invalidTransition, listCaseClaims, unknownClaim, wrongPaymentKind } from '../cases/caseEvents'
import { hmacSha256Hex, safeEqual, sha256Hex } from '../crypto'
import { unauthorized, type HttpError } from '../errors'
import { keepRawJsonBody } from '../http/raw-body'
import { CASE_EVENT_SIGNATURE } from '../openapi/document'
import { CASE_CLAIM_LIST_EXAMPLES, CASE_EVENT_EXAMPLES, withExamples } from '../openapi/examples'

/** How far a signed list request's `requestedAt` may be from the server's clock. */
export const LIST_REQUEST_WINDOW_MS = 5 * 60 * 1000

/** 401: no signature, or not the body's HMAC with the shared secret. */
export const badSignature = (): HttpError => unauthorized('签名无效。', { code: 'bad_signature' })

/** 401: a list request whose `requestedAt` is too far from the server's clock (an old request replayed). */
export const staleRequest = (): HttpError => unauthorized('请求已过期。', { code: 'stale_request' })

const BAD_SIGNATURE = { when: '没有签名，或签名与请求体不符（在检查内容之前）', example: badSignature() }

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
      if (!request.rawBody || !safeEqual(given.toLowerCase(), expected)) throw badSignature()
    }

    app.post(
      '/case-events',
      {
        preValidation: verifySignature,
        schema: {
          summary: '民政审核系统通知申请事项的状态变化（签名；按 eventId 防重放）',
          description:
            '状态只能按状态表变化（见 docs/integration.md）。同一事件再次发送（同一 eventId、同样的内容）答复与第一次相同，什么也不改变。' +
            '答复里的 note 是写进居民进度记录的说明。',
          tags: ['review'],
          security: [{ [CASE_EVENT_SIGNATURE]: [] }],
          body: withExamples(CaseEventSchema, CASE_EVENT_EXAMPLES),
          response: { 200: CaseEventResultSchema },
          errors: {
            401: BAD_SIGNATURE,
            404: { when: '没有这个申请事项（claimId）', example: unknownClaim() },
            409: { when: '状态表不允许这一步（例如低保没有公示就批准），什么也没有改变', example: invalidTransition('verifying', 'approved') },
            422: [
              { when: '这个 eventId 已用于内容不同的另一个事件', example: eventIdReused() },
              { when: '金额的种类与补助的发放方式不符（按月或一次性）', example: wrongPaymentKind('dibao') },
            ],
          },
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
          summary: '拉取申请事项和它们的状态（签名；不含个人信息）',
          description: '最新变化的在前，最多 500 项。请求体只有 requestedAt，与服务器时钟相差超过 5 分钟的请求会被拒绝，旧请求不能重放。',
          tags: ['review'],
          security: [{ [CASE_EVENT_SIGNATURE]: [] }],
          body: withExamples(CaseClaimListRequestSchema, CASE_CLAIM_LIST_EXAMPLES),
          response: { 200: CaseClaimListSchema },
          errors: { 401: [BAD_SIGNATURE, { when: 'requestedAt 与服务器时钟相差超过 5 分钟', example: staleRequest() }] },
        },
      },
      async (request) => {
        if (Math.abs(new Date(request.body.requestedAt).getTime() - app.clock().getTime()) > LIST_REQUEST_WINDOW_MS) {
          throw staleRequest()
        }
        return { claims: await listCaseClaims(app.db) }
      },
    )
  })
}
