// `POST /api/v1/applications` (idempotent by `Idempotency-Key`), `GET /api/v1/applications` (one's own
// and those shared with one) and `GET /api/v1/applications/:id` (owner or invited family).
// See server/applications/submit.ts for the idempotency rules, access.ts for who sees what.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ApplicationHeadersSchema,
  ApplicationListSchema,
  ApplicationParamsSchema,
  ApplicationRequestSchema,
  ApplicationResponseSchema,
  IDEMPOTENCY_KEY_HEADER,
  SubmissionConflictSchema,
  submissionIssues,
} from '@/domain/application'
import { ApplicationDetailSchema } from '@/domain/claims'
import { todayInShanghai } from '@/domain/screening'
import { readDetail } from '../applications/detail'
import { listApplicationsFor } from '../applications/records'
import { submitApplication } from '../applications/submit'
import { badRequest } from '../errors'
import { requireUser } from '../http/auth'

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.submission },
      schema: {
        summary: 'Submit one application for several benefits (header Idempotency-Key required; retries with the same key get the first answer)',
        tags: ['apply'],
        headers: ApplicationHeadersSchema,
        body: ApplicationRequestSchema,
        response: { 201: ApplicationResponseSchema, 409: SubmissionConflictSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request)
      const now = app.clock()
      const issues = submissionIssues(request.body, todayInShanghai(now))
      if (issues.length > 0) {
        throw badRequest(undefined, { issues: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) })
      }
      const outcome = await submitApplication(app.db, app.fieldCrypto, {
        ownerId: user.id,
        idempotencyKey: request.headers[IDEMPOTENCY_KEY_HEADER],
        request: request.body,
        now,
      })
      request.log.info({ applicationId: outcome.body.id, claims: outcome.body.claims.length, replayed: outcome.replayed }, outcome.replayed ? 'application submission replayed' : 'application submitted')
      if (outcome.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(outcome.status).send(outcome.body)
    },
  )

  app.get(
    '/applications',
    {
      preHandler: app.authenticate,
      schema: {
        summary: "The signed-in person's applications and those shared with them: the ones needing them first, then newest first",
        tags: ['apply'],
        response: { 200: ApplicationListSchema },
      },
    },
    async (request) => ({ applications: await listApplicationsFor(app.db, app.fieldCrypto, requireUser(request).id) }),
  )

  app.get(
    '/applications/:id',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'One application (owner or invited family): each benefit’s claim with its status, timeline, request and decision; the next action; who follows it',
        tags: ['track'],
        params: ApplicationParamsSchema,
        response: { 200: ApplicationDetailSchema },
      },
    },
    async (request) => readDetail(app.db, app.fieldCrypto, requireUser(request).id, request.params.id),
  )
}
