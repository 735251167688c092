import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { SessionResponseSchema, WechatSignInRequestSchema } from '@/domain/api'
import { createSession, findOrCreateUser } from '../services/sessions'

/**
 * `POST /api/v1/auth/wechat`: the code from `Taro.login` → a session token. In development (no WeChat
 * credentials) the code itself is the identity, so `{code:'alice'}` and `{code:'bob'}` are two people.
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/wechat',
    {
      config: { rateLimit: app.rateLimits.signIn },
      schema: {
        summary: 'Sign in with a WeChat login code',
        tags: ['auth'],
        body: WechatSignInRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request) => {
      const identity = await app.identityProvider.resolve(request.body.code)
      const now = app.clock()
      const session = await app.db.transaction(async (tx) => {
        const user = await findOrCreateUser(tx, app.fieldCrypto, identity.openid, now)
        return createSession(tx, user, now, app.env.sessionTtlHours)
      })
      return { token: session.token, expiresAt: session.expiresAt.toISOString() }
    },
  )
}
