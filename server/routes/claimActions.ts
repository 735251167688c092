// The owner's actions on an application's claims: `POST /applications/:id/withdraw` and
// `POST /applications/:id/supplements`. A viewer gets 403; anyone else 404 (never revealing that it exists).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApplicationParamsSchema } from '@/domain/application'
import { ApplicationDetailSchema, SupplementRequestSchema, WithdrawRequestSchema } from '@/domain/claims'
import { requireOwner, viewerReadOnly } from '../applications/access'
import { readDetail } from '../applications/detail'
import { noInfoRequested, nothingToWithdraw, notWithdrawable, supplyClaim, withdrawClaims } from '../cases/ownerActions'
import { badRequest, notFound } from '../errors'
import { requireUser } from '../http/auth'
import { SUPPLEMENT_EXAMPLES, WITHDRAW_EXAMPLES, withExamples } from '../openapi/examples'

/** What every owner-only change answers to someone else. */
export const OWNER_ONLY = {
  403: { when: '受邀的家人只能查看，不能修改', example: viewerReadOnly() },
  404: { when: '没有这份申请，或不是您的', example: notFound() },
}
const notInApplication = (path: string) => badRequest(undefined, { issues: [{ path, message: '这个申请里没有这一项' }] })

export const claimActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const answer = (ownerId: string, applicationId: string) => readDetail(app.db, app.fieldCrypto, ownerId, applicationId)

  app.post(
    '/applications/:id/withdraw',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.submission },
      schema: {
        summary: '撤回还没有结果的事项（不写 claimIds 则全部撤回）；只有本人可以',
        description: '答复是撤回之后的这份申请。',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: withExamples(WithdrawRequestSchema, WITHDRAW_EXAMPLES),
        response: { 200: ApplicationDetailSchema },
        errors: {
          ...OWNER_ONLY,
          400: { when: 'claimIds 里有不属于这份申请的事项', example: notInApplication('claimIds.0') },
          409: [
            { when: '这一项已有结果或已办结，不能撤回', example: notWithdrawable('approved') },
            { when: '没有可以撤回的事项了', example: nothingToWithdraw() },
          ],
        },
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
        summary: '补交审核人员要的材料、回答问题，这一项回到核对调查；只有本人可以',
        description: '材料先用 POST /api/v1/uploads 上传，再把 uploadId 写进 documents。答复是补交之后的这份申请。',
        tags: ['track'],
        params: ApplicationParamsSchema,
        body: withExamples(SupplementRequestSchema, SUPPLEMENT_EXAMPLES),
        response: { 200: ApplicationDetailSchema },
        errors: {
          ...OWNER_ONLY,
          400: [
            { when: 'claimId 不属于这份申请', example: notInApplication('claimId') },
            { when: '有找不到的文件（不是自己上传的）', example: badRequest(undefined, { issues: [{ path: 'documents.0.uploadIds.0', message: '找不到这个文件，请重新上传' }] }) },
          ],
          409: { when: '这一项现在不需要补充材料', example: noInfoRequested() },
        },
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
