// `POST /api/v1/subscriptions` and the outbox's delivery: a status change's messages are sent as soon as it
// commits (every instance is told by NOTIFY and they share the work, see deliverDueNotifications), failures
// retried with back-off by a sweep every ten seconds that one instance runs per period (server/jobs). Sent
// through WeChat's subscribe message with credentials configured, logged in development; a status change
// never waits for it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { SubscriptionRequestSchema, SubscriptionResponseSchema } from '@/domain/claims'
import { requireUser } from '../http/auth'
import { SUBSCRIPTION_EXAMPLES, withExamples } from '../openapi/examples'
import { OUTBOX_TOPIC, deliverDueNotifications, loggingSender, recordSubscriptions, type NotificationSender } from '../notifications/outbox'
import { wechatSender } from '../notifications/wechatSender'
import { coalesced } from '../jobs/coalesced'

export const DELIVERY_INTERVAL_MS = 10_000

export function notificationRoutesWith(makeSender?: (log: { info(obj: object, msg: string): void }) => NotificationSender): FastifyPluginAsyncZod {
  return async (app) => {
    const wechat = app.env.wechat
    const sender = makeSender ? makeSender(app.log) : wechat ? wechatSender({ ...wechat, db: app.db, crypto: app.fieldCrypto }) : loggingSender(app.log)
    let closing = false
    let stopListening: (() => Promise<void>) | undefined
    const deliver = coalesced(async () => {
      if (closing) return
      try {
        const outcome = await deliverDueNotifications(app.db, sender, app.clock())
        if (outcome.sent + outcome.failed > 0) app.log.info(outcome, 'notifications delivered')
      } catch (error) {
        app.log.warn({ err: error }, 'notification delivery failed; will retry')
      }
    })

    if (app.background) {
      app.scheduler.runOncePerPeriod('outbox-retries', DELIVERY_INTERVAL_MS, () => deliver.run())
      app.addHook('onReady', async () => {
        stopListening = await app.db.listen(OUTBOX_TOPIC, () => void deliver.run())
      })
      app.addHook('onClose', async () => {
        closing = true
        await stopListening?.()
        await deliver.idle()
      })
    }

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
