import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthResponseSchema, ReadyResponseSchema } from '@/domain/api'
import { HttpError } from '../errors'
import { sendError } from '../http/error-handler'
import packageJson from '../../package.json'

/** Seconds a load balancer is asked to wait before asking a starting instance again. */
const NOT_READY_RETRY_AFTER_S = 5

/** 503 from `/ready`: the instance is starting or draining. */
function notReady(state: 'starting' | 'draining'): HttpError {
  return new HttpError(503, state === 'starting' ? '服务正在启动，请稍后再试。' : '服务正在停止，请稍后再试。', {
    code: state,
    headers: { 'retry-after': String(NOT_READY_RETRY_AFTER_S) },
  })
}

/**
 * `GET /api/v1/health`: up, which database, which version. Checks the database answers.
 * `GET /api/v1/ready`: whether to send this instance requests: 503 while it starts or drains.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: '运行状态：服务在运行、数据库能回答，用的哪种数据库、哪个版本',
        tags: ['system'],
        response: { 200: HealthResponseSchema },
      },
    },
    async () => {
      await app.db.query('SELECT 1')
      return { status: 'ok' as const, db: app.db.kind, version: packageJson.version }
    },
  )

  app.get(
    '/ready',
    {
      schema: {
        summary: '是否接收请求（供负载均衡检查）：200 可以接收；启动中或停止中 503',
        tags: ['system'],
        response: { 200: ReadyResponseSchema },
        errors: {
          503: [
            { when: '实例正在启动（服务机构索引尚未建好），请稍后再问', example: notReady('starting') },
            { when: '实例正在停止（收到 SIGTERM，正在处理未完成的请求），请把请求发往其他实例', example: notReady('draining') },
          ],
        },
      },
    },
    async (_request, reply) => {
      const { state } = app.readiness
      if (state === 'ready') return { status: 'ready' as const }
      // Answered, not thrown: a load balancer asking every few seconds is not a failure worth a log line.
      return sendError(reply, notReady(state))
    },
  )
}
