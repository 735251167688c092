import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { SessionResponseSchema, WechatSignInRequestSchema } from '@/domain/api'
import { HOUR_MS } from '../jobs/scheduler'
import { SIGN_IN_EXAMPLES, withExamples } from '../openapi/examples'
import { invalidLoginCode, wechatUnavailable } from '../services/identity'
import { createSession, deleteExpiredSessions, findOrCreateUser } from '../services/sessions'

/**
 * `POST /api/v1/auth/wechat`: the code from `Taro.login` → a session token. In development (no WeChat
 * credentials) the code itself is the identity, so `{code:'alice'}` and `{code:'bob'}` are two people.
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Expired sessions are refused anyway; removing them keeps the table small. Once per six hours, by one instance.
  app.scheduler.runOncePerPeriod('expired-sessions', 6 * HOUR_MS, async ({ now }) => {
    const count = await deleteExpiredSessions(app.db, now)
    if (count > 0) app.log.info({ count }, 'expired sessions removed')
  })

  app.post(
    '/auth/wechat',
    {
      config: { rateLimit: app.rateLimits.signIn },
      schema: {
        summary: '用微信登录凭证（wx.login 的 code）登录，换取令牌',
        description: '答复里的 token 放在之后每个请求的 Authorization: Bearer <token> 里，到 expiresAt 为止有效。',
        tags: ['auth'],
        body: withExamples(WechatSignInRequestSchema, SIGN_IN_EXAMPLES),
        response: { 200: SessionResponseSchema },
        errors: {
          401: { when: '微信不认这个 code（已用过、过期或不是真的）：请重新 wx.login', example: invalidLoginCode() },
          503: { when: '微信登录服务暂时连不上或不可用：稍后再试', example: wechatUnavailable() },
        },
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
