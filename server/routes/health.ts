import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthResponseSchema, ReadyResponseSchema } from '@/domain/api'
import { HttpError } from '../errors'
import { sendError } from '../http/error-handler'
import packageJson from '../../package.json'

/** Seconds a load balancer is asked to wait before asking a starting instance again. */
const NOT_READY_RETRY_AFTER_S = 5

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
        summary: 'Readiness for a load balancer: 200 when this instance takes requests, 503 while it starts or drains',
        tags: ['system'],
        response: { 200: ReadyResponseSchema },
      },
    },
    async (_request, reply) => {
      const { state } = app.readiness
      if (state === 'ready') return { status: 'ready' as const }
      // Answered, not thrown: a load balancer asking every few seconds is not a failure worth a log line.
      return sendError(reply, new HttpError(503, state === 'starting' ? '服务正在启动，请稍后再试。' : '服务正在停止，请稍后再试。', {
        code: state === 'starting' ? 'starting' : 'draining',
        headers: { 'retry-after': String(NOT_READY_RETRY_AFTER_S) },
      }))
    },
  )
}
