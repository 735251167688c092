// The owner's actions on an application's claims: `POST /applications/:id/withdraw` and
// `POST /applications/:id/supplements`. A viewer gets 403; anyone else 404 (never revealing that it exists).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApplicationParamsSchema } from '@/domain/application'
import { ApplicationDetailSchema, SupplementRequestSchema, WithdrawRequestSchema } from '@/domain/claims'
import { requireOwner } from '../applications/access'
import { readDetail } from '../applications/detail'
import { supplyClaim, withdrawClaims } from '../cases/ownerActions'
import { requireUser } from '../http/auth'

export const claimActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const answer = (ownerId: string, applicationId: string) => readDetail(app.db, app.fieldCrypto, ownerId, applicationId)

  app.post(
    '/applications/:id/withdraw',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.submission },
      schema: {
        summary: 'Withdraw claims not yet decided (all of them when claimIds is absent); owner only',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: WithdrawRequestSchema,
        response: { 200: ApplicationDetailSchema },
      },
    },
    async (request) => {
      const user = requireUser(request)
      await requireOwner(app.db, user.id, request.params.id)
      const withdrawn = await withdrawClaims(app.db, user.id, request.params.id, request.body, app.clock())
      request.log.info({ applicationId: request.params.id, withdrawn: withdrawn.length }, 'claims withdrawn')
      return answer(user.id, request.params.id)
    },
  )

  app.post(
    '/applications/:id/supplements',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.submission },
      schema: {
        summary: 'Documents or answers a reviewer asked for; the claim goes back to verifying; owner only',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: SupplementRequestSchema,
        response: { 200: ApplicationDetailSchema },
      },
    },
    async (request) => {
      const user = requireUser(request)
      await requireOwner(app.db, user.id, request.params.id)
      await supplyClaim(app.db, user.id, request.params.id, request.body, app.clock())
      request.log.info({ applicationId: request.params.id, claimId: request.body.claimId }, 'claim supplemented')
      return answer(user.id, request.params.id)
    },
  )
}
