import { z } from 'zod'

/** `POST /api/v1/auth/wechat`: the one-time code from `Taro.login`. */
export const WechatSignInRequestSchema = z.object({
  code: z.string().trim().min(1).max(256),
})
export type WechatSignInRequest = z.infer<typeof WechatSignInRequestSchema>

/** A session: the bearer token to send as `Authorization: Bearer <token>`, and when it stops working. */
export const SessionResponseSchema = z.object({
  token: z.string(),
  /** ISO 8601 instant. */
  expiresAt: z.iso.datetime(),
})
export type SessionResponse = z.infer<typeof SessionResponseSchema>
