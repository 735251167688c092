// Family following an application: `POST /applications/:id/invitations` (owner), `POST /invitations/:code/accept`
// (anyone signed in), `DELETE /applications/:id/viewers/:viewerId` (owner). See server/applications/family.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApplicationParamsSchema } from '@/domain/application'
import { AcceptedInvitationSchema, InvitationParamsSchema, InvitationRequestSchema, InvitationSchema, ViewerListSchema, ViewerParamsSchema } from '@/domain/claims'
import { requireOwner } from '../applications/access'
import { activeViewers } from '../applications/detail'
import { acceptInvitation, createInvitation, invitationRefusals, revokeViewer, viewerNotFollowing } from '../applications/family'
import { requireUser } from '../http/auth'
import { INVITATION_EXAMPLES, withExamples } from '../openapi/examples'
import { OWNER_ONLY } from './claimActions'

export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/invitations',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.invitation },
      schema: {
        summary: '生成一次性邀请码（24 小时内有效），让家人只读关注这份申请；只有本人可以',
        description: '邀请码只在这个答复里出现一次（服务器只保存它的摘要），请分享给家人。',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: withExamples(InvitationRequestSchema, INVITATION_EXAMPLES),
        response: { 201: InvitationSchema },
        errors: OWNER_ONLY,
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
        summary: '接受邀请，只读关注家人的申请（个人信息遮挡显示）',
        tags: ['track'],
        params: InvitationParamsSchema,
        response: { 200: AcceptedInvitationSchema },
        errors: {
          404: { when: '没有这个邀请码', example: invitationRefusals.notFound() },
          409: { when: '邀请码已被别人用过（每个只能用一次）', example: invitationRefusals.used() },
          422: [
            { when: '邀请码已过期', example: invitationRefusals.expired() },
            { when: '这是自己的申请', example: invitationRefusals.ownApplication() },
          ],
        },
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
        summary: '让一位家人不再关注，立即生效；只有本人可以。答复还在关注的人',
        tags: ['track'],
        params: ViewerParamsSchema,
        response: { 200: ViewerListSchema },
        errors: { 403: OWNER_ONLY[403], 404: [OWNER_ONLY[404], { when: '这位家人已不在关注', example: viewerNotFollowing() }] },
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
