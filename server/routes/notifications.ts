// `POST /api/v1/subscriptions` and the outbox's delivery loop: every few seconds the due messages are
// sent (WeChat's subscribe message with credentials configured; logged in development), failures
// retried with back-off; a status change never waits for it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { SubscriptionRequestSchema, SubscriptionResponseSchema } from '@/domain/claims'
import { requireUser } from '../http/auth'
import { SUBSCRIPTION_EXAMPLES, withExamples } from '../openapi/examples'
import { deliverDueNotifications, loggingSender, recordSubscriptions, type NotificationSender } from '../notifications/outbox'
import { wechatSender } from '../notifications/wechatSender'

export const DELIVERY_INTERVAL_MS = 10_000

export function notificationRoutesWith(makeSender?: (log: { info(obj: object, msg: string): void }) => NotificationSender): FastifyPluginAsyncZod {
  return async (app) => {
    const wechat = app.env.wechat
    const sender = makeSender ? makeSender(app.log) : wechat ? wechatSender({ ...wechat, db: app.db, crypto: app.fieldCrypto }) : loggingSender(app.log)
    let timer: NodeJS.Timeout | undefined
    let inFlight: Promise<unknown> = Promise.resolve()
    let closing = false

    const deliver = () => {
      if (closing) return
      inFlight = deliverDueNotifications(app.db, sender, app.clock())
        .then((outcome) => {
          if (outcome.sent + outcome.failed > 0) app.log.info(outcome, 'notifications delivered')
        })
        .catch((error: unknown) => app.log.warn({ err: error }, 'notification delivery failed; will retry'))
    }

    app.addHook('onReady', async () => {
      timer = setInterval(deliver, DELIVERY_INTERVAL_MS)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      closing = true
      if (timer) clearInterval(timer)
      await inFlight
    })

    app.post(
      '/subscriptions',
      {
        preHandler: app.authenticate,
        schema: {
          summary: '记录居民同意接收的微信订阅消息模板（状态变化时发通知）',
          tags: ['track'],
          body: withExamples(SubscriptionRequestSchema, SUBSCRIPTION_EXAMPLES),
          response: { 200: SubscriptionResponseSchema },
        },
      },
      async (request) => ({ templateIds: await recordSubscriptions(app.db, requireUser(request).id, request.body.templateIds, app.clock()) }),
    )
  }
}

export const notificationRoutes = notificationRoutesWith()
