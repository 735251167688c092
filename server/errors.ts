// Errors a route throws to answer a client with shared/API.md's error body:
//   throw notFound()                                   → 404 {error:'not_found', message:'…'}
//   throw conflict('草稿已在别处更新，请刷新后再试', 'stale_draft') → 409
//   throw badRequest(undefined, { issues: [{ path: 'members.0.age', message: '…' }] }) → 400
// Anything else thrown is a server fault: logged, and answered 500 without details.
import type { z } from 'zod'
import { ApiErrorCode, type ApiErrorBody, type ApiIssue } from '@/domain/api'

/** The zh-CN message shown when a route gives none. */
export const defaultMessages: Record<number, string> = {
  400: '提交的内容有误，请检查后再试。',
  401: '请先登录。',
  403: '没有权限进行此操作。',
  404: '找不到要访问的内容。',
  405: '不支持这种请求方式。',
  406: '无法提供所要求的格式。',
  408: '请求超时，请重试。',
  409: '内容已有变化，请刷新后再试。',
  413: '提交的内容太大了。',
  415: '不支持这种内容格式，请以 JSON 提交。',
  422: '提交的内容无法受理。',
  429: '操作太频繁了，请稍后再试。',
  500: '服务器出了点问题，请稍后再试。',
  502: '相关服务暂时无法连接，请稍后再试。',
  503: '服务暂时不可用，请稍后再试。',
}

/** The code used for a status when a route gives none. */
export const defaultCodes: Record<number, string> = {
  400: ApiErrorCode.invalidRequest,
  401: ApiErrorCode.unauthorized,
  403: ApiErrorCode.forbidden,
  404: ApiErrorCode.notFound,
  405: ApiErrorCode.methodNotAllowed,
  406: 'not_acceptable',
  408: 'request_timeout',
  409: ApiErrorCode.conflict,
  413: ApiErrorCode.payloadTooLarge,
  415: ApiErrorCode.unsupportedMediaType,
  422: ApiErrorCode.unprocessable,
  429: ApiErrorCode.rateLimited,
  500: ApiErrorCode.internal,
  502: ApiErrorCode.upstreamUnavailable,
  503: ApiErrorCode.upstreamUnavailable,
}

export function messageFor(status: number): string {
  return defaultMessages[status] ?? (status >= 500 ? defaultMessages[500] : defaultMessages[400])
}

export function codeFor(status: number): string {
  return defaultCodes[status] ?? (status >= 500 ? ApiErrorCode.internal : ApiErrorCode.invalidRequest)
}

export interface HttpErrorOptions {
  /** The machine-readable `error` code; defaults by status (`not_found`, `conflict` …). */
  code?: string
  /** Fields at fault, with dotted paths. */
  issues?: ApiIssue[]
  /** Extra response headers (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>
}

/** An answer for the client, not a fault of ours: never logged as an error. */
export class HttpError extends Error {
  readonly statusCode: number
  readonly errorCode: string
  readonly issues?: ApiIssue[]
  readonly headers: Record<string, string>

  /** `cause` is for the log only (e.g. why WeChat could not be reached); the client never sees it. */
  constructor(statusCode: number, message?: string, options: HttpErrorOptions = {}, cause?: unknown) {
    super(message ?? messageFor(statusCode), cause === undefined ? undefined : { cause })
    this.name = 'HttpError'
    this.statusCode = statusCode
    this.errorCode = options.code ?? codeFor(statusCode)
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }

  toBody(): ApiErrorBody {
    return this.issues ? { error: this.errorCode, message: this.message, issues: this.issues } : { error: this.errorCode, message: this.message }
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError
}

/** 400: the request is malformed or fails validation; pass `issues` to point at the fields. */
export const badRequest = (message?: string, options?: HttpErrorOptions) => new HttpError(400, message, options)
/** 401: not signed in, or the session has expired. */
export const unauthorized = (message?: string, options?: HttpErrorOptions) =>
  new HttpError(401, message, { ...options, headers: { 'www-authenticate': 'Bearer', ...options?.headers } })
/**
 * 404: not found, and also "not yours": never reveal whether another person's object exists
 * (shared/API.md), so there is no helper for 403 on people's objects.
 */
export const notFound = (message?: string, options?: HttpErrorOptions) => new HttpError(404, message, options)
/** 409: the state changed underneath the request (stale write, concurrent duplicate, invalid transition). */
export const conflict = (message?: string, options?: HttpErrorOptions) => new HttpError(409, message, options)
/** 413: the body or file is too large. */
export const payloadTooLarge = (message?: string, options?: HttpErrorOptions) => new HttpError(413, message, options)
/** 415: the content type (or, for uploads, the content itself) is not one we accept. */
export const unsupportedMediaType = (message?: string, options?: HttpErrorOptions) => new HttpError(415, message, options)
/** 422: well-formed but not acceptable (e.g. an idempotency key reused with another body). */
export const unprocessable = (message?: string, options?: HttpErrorOptions) => new HttpError(422, message, options)

/** Zod issues as API issues: paths joined with dots (`members.0.age`). */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
