// Production: WeChat's subscribe message (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html),
// with the access token from `stable_token`, kept until shortly before it expires. A refusal throws, so
// the outbox retries it later; the claim's change never waits for it.
//
// The template (审核进度通知, chosen in the WeChat admin console) must have these fields:
//   thing1 事项名称 (the benefit), phrase2 审核状态 (the status), time3 更新时间, thing4 备注 (the note),
//   character_string5 申请编号 (the application's reference, to read out when calling the office).
import { benefitName, type BenefitId } from '@/domain/policy/rules'
import { toShanghai } from '@/domain/time'
import type { FieldCrypto } from '../crypto'
import type { Queryable } from '../db'
import type { WechatCredentials } from '../env'
import { openidOf } from '../services/sessions'
import type { NotificationSender, OutboxMessage } from './outbox'

export type PostLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

export interface WechatSenderOptions extends WechatCredentials {
  db: Queryable
  crypto: FieldCrypto
  fetch?: PostLike
  /** Overridable for tests; WeChat's API by default. */
  baseUrl?: string
  timeoutMs?: number
  now?: () => Date
}

interface WechatAnswer {
  errcode?: unknown
  errmsg?: unknown
  access_token?: unknown
  expires_in?: unknown
}

/** The access token is no longer valid: get a new one before the next try. */
const TOKEN_REFUSED = new Set([40001, 40014, 42001])

/** WeChat's limits: thing ≤ 20 characters, phrase ≤ 5. */
const clip = (text: string, max: number) => {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}


/**
 * The message body for one outbox entry: the benefit, its new status, when, the note and the reference; it opens
 * the application. An alert uses the same template: the benefit, 可能符合, the day it was found, the reason, and in
 * place of an application's reference 提醒 + that day (the field takes letters and digits only); it opens the alerts.
 */
export function subscribeMessage(openid: string, message: OutboxMessage) {
  if (message.kind === 'alert') {
    const { payload } = message
    return {
      touser: openid,
      template_id: message.templateId,
      page: 'subpackages/screening/alerts/index',
      lang: 'zh_CN',
      data: {
        thing1: { value: clip(payload.name, 20) },
        phrase2: { value: '可能符合' },
        time3: { value: `${payload.foundOn} 00:00` },
        thing4: { value: clip(payload.reason, 20) },
        character_string5: { value: `TX${payload.foundOn.replaceAll('-', '')}` },
      },
    }
  }
  const { payload } = message
  return {
    touser: openid,
    template_id: message.templateId,
    page: `subpackages/track/detail/index?id=${payload.applicationId}`,
    lang: 'zh_CN',
    data: {
      thing1: { value: clip(benefitName(payload.benefit as BenefitId), 20) },
      phrase2: { value: clip(payload.statusLabel, 5) },
      time3: { value: toShanghai(payload.at).format('YYYY-MM-DD HH:mm') },
      thing4: { value: clip(payload.note || payload.statusLabel, 20) },
      character_string5: { value: payload.reference },
    },
  }
}

export function wechatSender(options: WechatSenderOptions): NotificationSender {
  const post = options.fetch ?? ((url, init) => fetch(url, init))
  const baseUrl = options.baseUrl ?? 'https://api.weixin.qq.com'
  const timeoutMs = options.timeoutMs ?? 5000
  const now = options.now ?? (() => new Date())
  let token: { value: string; until: number } | undefined

  async function call(path: string, body: unknown): Promise<WechatAnswer> {
    const response = await post(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`)
    return (await response.json()) as WechatAnswer
  }

  async function accessToken(): Promise<string> {
    if (token && token.until > now().getTime()) return token.value
    const answer = await call('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: options.appId, secret: options.appSecret })
    if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') throw new Error(`stable_token errcode ${String(answer.errcode)}`)
    // Renewed five minutes early, so a token never expires between reading it and using it.
    token = { value: answer.access_token, until: now().getTime() + (answer.expires_in - 300) * 1000 }
    return token.value
  }

  return {
    async send(message) {
      const openid = await openidOf(options.db, options.crypto, message.userId)
      if (!openid) throw new Error('no such person')
      const answer = await call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`, subscribeMessage(openid, message))
      if (answer.errcode === 0 || answer.errcode === undefined) return
      if (typeof answer.errcode === 'number' && TOKEN_REFUSED.has(answer.errcode)) token = undefined
      // 43101: the person has no subscription left for this template (each acceptance allows one message).
      throw new Error(`subscribe send errcode ${String(answer.errcode)}`)
    },
  }
}
