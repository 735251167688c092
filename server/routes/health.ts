import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthResponseSchema } from '@/domain/api'
import packageJson from '../../package.json'

/** `GET /api/v1/health`: up, which database, which version. Checks the database answers. */
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
}
