// `POST /api/v1/subscriptions`: the WeChat subscribe-message templates the person accepted
// (`Taro.requestSubscribeMessage` answers `accept` for each), so status changes can be sent to them.
import { z } from 'zod'

export const SubscriptionRequestSchema = z.object({
  templateIds: z.array(z.string().trim().min(1).max(128)).min(1).max(10),
})
export type SubscriptionRequest = z.infer<typeof SubscriptionRequestSchema>

export const SubscriptionResponseSchema = z.object({
  /** Every template the person has accepted so far. */
  templateIds: z.array(z.string()),
})
