// Family following an application: `POST /applications/:id/invitations` (owner), `POST /invitations/:code/accept`
// (anyone signed in), `DELETE /applications/:id/viewers/:viewerId` (owner). See server/applications/family.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApplicationParamsSchema } from '@/domain/application'
import { AcceptedInvitationSchema, InvitationParamsSchema, InvitationRequestSchema, InvitationSchema, ViewerListSchema, ViewerParamsSchema } from '@/domain/claims'
import { requireOwner } from '../applications/access'
import { activeViewers } from '../applications/detail'
import { acceptInvitation, createInvitation, revokeViewer } from '../applications/family'
import { requireUser } from '../http/auth'

export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/invitations',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.invitation },
      schema: {
        summary: 'A one-time code (valid 24 h) for a relative to follow the application read-only; owner only',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: InvitationRequestSchema,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request)
      await requireOwner(app.db, user.id, request.params.id)
      const invitation = await createInvitation(app.db, app.fieldCrypto, request.params.id, request.body?.label, app.clock())
      request.log.info({ applicationId: request.params.id }, 'family invitation created')
      return reply.code(201).send(invitation)
    },
  )

  app.post(
    '/invitations/:code/accept',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.invitation },
      schema: {
        summary: 'Follow the application an invitation is for (read-only, personal data masked)',
        tags: ['track'],
        params: InvitationParamsSchema,
        response: { 200: AcceptedInvitationSchema },
      },
    },
    async (request) => {
      const accepted = await acceptInvitation(app.db, app.fieldCrypto, requireUser(request).id, request.params.code, app.clock())
      request.log.info({ applicationId: accepted.applicationId }, 'family invitation accepted')
      return accepted
    },
  )

  app.delete(
    '/applications/:id/viewers/:viewerId',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'Stop a relative following the application, at once; owner only. Answers who still follows',
        tags: ['track'],
        params: ViewerParamsSchema,
        response: { 200: ViewerListSchema },
      },
    },
    async (request) => {
      const user = requireUser(request)
      await requireOwner(app.db, user.id, request.params.id)
      await revokeViewer(app.db, request.params.id, request.params.viewerId, app.clock())
      request.log.info({ applicationId: request.params.id, viewerId: request.params.viewerId }, 'viewer revoked')
      return { viewers: await activeViewers(app.db, request.params.id) }
    },
  )
}
