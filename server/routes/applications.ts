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
import { duplicateClaim, idempotencyKeyReused, missingUploads, submissionInProgress, submitApplication } from '../applications/submit'
import { badRequest, notFound } from '../errors'
import { requireUser } from '../http/auth'
import { APPLICATION_EXAMPLES, withExamples } from '../openapi/examples'

const EXAMPLE_APPLICATION_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427'

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications',
    {
      preHandler: app.authenticate,
      config: { rateLimit: app.rateLimits.submission },
      schema: {
        summary: '提交一份申请，一次申请多项补助',
        description:
          '请求头 Idempotency-Key 必填：每份申请生成一个（如 UUID），直到成功前重试都用同一个，重试得到第一次的答复（响应头 Idempotent-Replayed: true），不会产生第二份申请。' +
          '身份证号码加密保存，答复里遮挡显示。材料先用 POST /api/v1/uploads 上传，再把 uploadId 写进 documents；没交的材料可以受理时再带去。',
        tags: ['apply'],
        headers: ApplicationHeadersSchema,
        body: withExamples(ApplicationRequestSchema, APPLICATION_EXAMPLES),
        response: { 201: ApplicationResponseSchema },
        errors: {
          400: {
            when: 'documents 里有找不到的文件（不是自己上传的，或已删除）',
            example: missingUploads([{ path: 'documents.0.uploadIds.0', message: '找不到这个文件，请重新上传' }]),
          },
          409: [
            {
              when: '这位申请对象已有同一项补助的申请正在办理（是自己提交的，会给出那份申请的编号）',
              example: duplicateClaim([{ owner_id: 'me', application_id: EXAMPLE_APPLICATION_ID, benefit: 'dibao' }], 'me'),
              schema: SubmissionConflictSchema,
            },
            { when: '同一份申请正在提交中（连按了两次）：稍后刷新', example: submissionInProgress() },
          ],
          422: { when: '这个 Idempotency-Key 已用于内容不同的另一份申请', example: idempotencyKeyReused() },
        },
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
        summary: '我的申请，和家人邀请我关注的申请：需要我办理的在前，其余最新的在前',
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
        summary: '一份申请（本人或受邀的家人）：每项补助的状态、进度记录、补正要求和决定，下一步做什么，谁在关注',
        description: '家人看到的个人信息是遮挡过的（姓名只显示姓，没有地址、收入和财产）。',
        tags: ['track'],
        params: ApplicationParamsSchema,
        response: { 200: ApplicationDetailSchema },
        errors: { 404: { when: '没有这份申请，或不是您的、也没有邀请您关注', example: notFound() } },
      },
    },
    async (request) => readDetail(app.db, app.fieldCrypto, requireUser(request).id, request.params.id),
  )
}
