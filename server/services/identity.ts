// Who is signing in: turns the one-time code from `Taro.login` into a stable identity (the openid).
import type { WechatCredentials } from '../env'
import { HttpError, unauthorized } from '../errors'

/** 401: WeChat refused the login code (used, expired or made up). */
export const invalidLoginCode = (): HttpError => unauthorized('登录凭证无效或已使用，请重新登录。', { code: 'invalid_code' })

/** 503: WeChat's sign-in could not be reached or did not answer usefully; not the person's fault. */
export const wechatUnavailable = (cause?: unknown): HttpError => new HttpError(503, '微信登录服务暂时不可用，请稍后再试。', { code: 'upstream_unavailable' }, cause)

export interface Identity {
  /** Stable per person for this mini-program: the WeChat openid, or `dev:<code>` in development. */
  openid: string
}

export interface IdentityProvider {
  readonly kind: 'wechat' | 'development'
  /** Resolves a sign-in code; throws a 401 {@link HttpError} for a code WeChat refuses. */
  resolve(code: string): Promise<Identity>
}

/**
 * Development and tests only (used when no WeChat credentials are configured; production refuses to
 * start without them): the code itself is the identity, so `alice` and `bob` are two people.
 */
export class DevelopmentIdentityProvider implements IdentityProvider {
  readonly kind = 'development'
  async resolve(code: string): Promise<Identity> {
    return { openid: `dev:${code}` }
  }
}

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

export interface WechatIdentityProviderOptions extends WechatCredentials {
  fetch?: FetchLike
  /** Overridable for tests; WeChat's API by default. */
  baseUrl?: string
  timeoutMs?: number
}

interface Code2SessionAnswer {
  openid?: unknown
  errcode?: unknown
  errmsg?: unknown
}

/** WeChat's error codes that mean "this code is no good": ask the app to log in again. */
const REFUSED_CODES = new Set([40029, 40163, 40226])

/**
 * Production: `code2session` (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html).
 * The session_key WeChat returns is not needed (we do not decrypt user data) and is not kept.
 */
export class WechatIdentityProvider implements IdentityProvider {
  readonly kind = 'wechat'
  private readonly options: Required<Omit<WechatIdentityProviderOptions, 'fetch'>> & { fetch: FetchLike }

  constructor(options: WechatIdentityProviderOptions) {
    this.options = {
      appId: options.appId,
      appSecret: options.appSecret,
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      baseUrl: options.baseUrl ?? 'https://api.weixin.qq.com',
      timeoutMs: options.timeoutMs ?? 5000,
    }
  }

  async resolve(code: string): Promise<Identity> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    let answer: Code2SessionAnswer
    try {
      const response = await this.options.fetch(`${this.options.baseUrl}/sns/jscode2session?${query.toString()}`, {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`)
      answer = (await response.json()) as Code2SessionAnswer
    } catch (error) {
      throw wechatUnavailable(error)
    }
    if (typeof answer.openid === 'string' && answer.openid.length > 0 && (answer.errcode === undefined || answer.errcode === 0)) {
      return { openid: answer.openid }
    }
    if (typeof answer.errcode === 'number' && REFUSED_CODES.has(answer.errcode)) {
      throw invalidLoginCode()
    }
    // Rate limits (45011), "system busy" (-1) and anything unexpected: not the person's fault.
    throw wechatUnavailable(new Error(`code2session errcode ${String(answer.errcode)}`))
  }
}

export function identityProviderFor(wechat: WechatCredentials | undefined): IdentityProvider {
  return wechat ? new WechatIdentityProvider(wechat) : new DevelopmentIdentityProvider()
}
