import type { ZodType } from 'zod'
import { ApiErrorBodySchema, SessionResponseSchema, type SessionResponse } from '@/domain/api'
import { defaultLocale, locales } from '@/locales'
import { ApiError } from './errors'

/** The one thing we need from Taro.request, so tests can drive the client over real HTTP with fetch. */
export interface Transport {
  (options: { url: string; method: HttpMethod; data?: unknown; header: Record<string, string>; timeout: number }): Promise<{
    statusCode: number
    data: unknown
    header: Record<string, string | undefined>
  }>
}

export interface TransportFailure {
  errMsg?: string
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export type Session = SessionResponse

export interface SessionStore {
  get(): Session | undefined
  set(session: Session): void
  clear(): void
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  sessions: SessionStore
  /** A fresh sign-in code (`Taro.login` on WeChat). */
  loginCode(): Promise<string>
  timeoutMs?: number
  /** Waits between retries, in ms; the number of entries is the number of retries. */
  backoffMs?: number[]
  sleep?(ms: number): Promise<void>
}

export interface RequestOptions<T> {
  method?: HttpMethod
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  schema: ZodType<T>
  /** Sends the session token, signing in first when there is none. */
  auth?: boolean
  /** Safe to send twice: GET, PUT and DELETE are; a POST is when it carries an Idempotency-Key. */
  idempotent?: boolean
}

/** The server's own message is shown when it sent one; these cover the rest. */
const fallbackMessages = locales[defaultLocale].errors

const defaultBackoff = [400, 1200]
const isRetryableStatus = (status: number) => status === 429 || status === 502 || status === 503 || status === 504

export function createApiClient(options: ApiClientOptions) {
  const timeout = options.timeoutMs ?? 15_000
  const backoff = options.backoffMs ?? defaultBackoff
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let signingIn: Promise<Session> | undefined

  function url(path: string, query?: RequestOptions<unknown>['query']): string {
    const search = Object.entries(query ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&')
    return `${options.baseUrl}/api/v1${path}${search ? `?${search}` : ''}`
  }

  /** Signs in once even when several requests find the session missing at the same time. */
  function signIn(): Promise<Session> {
    signingIn ??= (async () => {
      try {
        const code = await options.loginCode()
        const session = await send({ method: 'POST', path: '/auth/wechat', body: { code }, schema: SessionResponseSchema })
        options.sessions.set(session)
        return session
      } finally {
        signingIn = undefined
      }
    })()
    return signingIn
  }

  async function sendOnce<T>(request: RequestOptions<T>, token?: string): Promise<T> {
    const header: Record<string, string> = { 'Content-Type': 'application/json', ...request.headers }
    if (token) header.Authorization = `Bearer ${token}`
    let response: Awaited<ReturnType<Transport>>
    try {
      const method = request.method ?? 'GET'
      // The body is JSON: a POST or DELETE with nothing to say sends {}, as an empty JSON body is refused.
      const data = request.body ?? (method === 'GET' ? undefined : {})
      response = await options.transport({ url: url(request.path, request.query), method, data, header, timeout })
    } catch (failure) {
      const errMsg = (failure as TransportFailure)?.errMsg ?? String(failure)
      const timedOut = /timeout|timed out/i.test(errMsg)
      throw new ApiError({ kind: timedOut ? 'timeout' : 'network', message: timedOut ? fallbackMessages.timeout : fallbackMessages.network })
    }
    const data = typeof response.data === 'string' && response.data.startsWith('{') ? safeJson(response.data) : response.data
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const parsed = request.schema.safeParse(data)
      if (!parsed.success) throw new ApiError({ kind: 'invalid_response', status: response.statusCode, message: fallbackMessages.server })
      return parsed.data
    }
    const body = ApiErrorBodySchema.safeParse(data)
    const retryAfter = Number(response.header['Retry-After'] ?? response.header['retry-after'])
    throw new ApiError({
      kind: 'http',
      status: response.statusCode,
      code: body.success ? body.data.error : undefined,
      message: (body.success && body.data.message) || fallbackMessages.server,
      issues: body.success ? body.data.issues : undefined,
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    })
  }

  /** Retries what is safe to retry, with growing waits, on network failures and overload. */
  async function send<T>(request: RequestOptions<T>, token?: string): Promise<T> {
    const method = request.method ?? 'GET'
    const idempotent = request.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE')
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await sendOnce(request, token)
      } catch (error) {
        const retryable =
          error instanceof ApiError &&
          (error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && error.status !== undefined && isRetryableStatus(error.status)))
        if (!idempotent || !retryable || attempt >= backoff.length) throw error
        const wait = error.retryAfter !== undefined ? Math.min(error.retryAfter * 1000, 10_000) : backoff[attempt]
        await sleep(wait)
      }
    }
  }

  async function request<T>(request: RequestOptions<T>): Promise<T> {
    if (!request.auth) return send(request)
    const session = options.sessions.get() ?? (await signIn())
    try {
      return await send(request, session.token)
    } catch (error) {
      // An expired session signs in again once, and the same request goes out again.
      if (!(error instanceof ApiError) || error.status !== 401) throw error
      options.sessions.clear()
      const fresh = await signIn()
      return send(request, fresh.token)
    }
  }

  return { request, signIn }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
