// The error answers in the API document. Every API route gets those it shares with routes like it (400 for
// a bad request, 401 behind sign-in, 413/415 with a body, 429 with a rate limit, 500) and lists its own
// in `schema.errors`, with the errors it throws as examples:
//   errors: { 404: { when: '还没有保存过草稿', example: notFound('还没有保存的草稿。', { code: 'no_draft' }) } }
// so each status is documented with its `{error, message, issues}` body, when it happens, and an example.
import type { RouteOptions } from 'fastify'
import type { z } from 'zod'
import { ApiErrorBodySchema, type ApiErrorBody } from '@/domain/api'
import { HttpError, badRequest, unauthorized } from '../errors'
import { rateLimitUnavailable } from '../http/rate-limits'

export interface ErrorAnswer {
  /** When this answer is given, in plain words. */
  when: string
  /** What is sent: the error as the route throws it, or its body. */
  example: HttpError | ApiErrorBody
  /** For an answer that carries more than `{error, message, issues}` (e.g. the current draft with 409). */
  schema?: z.ZodType
}

/** Error answers by status: one, or several with different codes. */
export type ErrorAnswers = Readonly<Record<number, ErrorAnswer | readonly ErrorAnswer[]>>

const bodyOf = (example: HttpError | ApiErrorBody): ApiErrorBody => (example instanceof HttpError ? example.toBody() : example)

/** One status's answers as a response schema: the error body with its description and named examples. */
function answerSchema(answers: readonly ErrorAnswer[]): z.ZodType {
  const schema = answers.find((answer) => answer.schema)?.schema ?? ApiErrorBodySchema
  const examples: Record<string, { summary: string; value: ApiErrorBody }> = {}
  for (const answer of answers) {
    const value = bodyOf(answer.example)
    let name = value.error
    for (let n = 2; name in examples; n += 1) name = `${value.error}_${n}`
    examples[name] = { summary: answer.when, value }
  }
  return schema.meta({ description: answers.map((answer) => answer.when).join('；'), 'x-examples': examples })
}

function errorAnswers(answers: ErrorAnswers): Record<number, z.ZodType> {
  return Object.fromEntries(Object.entries(answers).map(([status, answer]) => [status, answerSchema(Array.isArray(answer) ? answer : [answer as ErrorAnswer])]))
}

const INVALID_REQUEST: ErrorAnswer = {
  when: '请求不合格：issues 逐项列出出错的字段（path，用点连接）和原因',
  example: badRequest(undefined, { issues: [{ path: 'members.0.age', message: '年龄应在 0 到 150 之间' }] }),
}
const INVALID_JSON: ErrorAnswer = { when: '请求体不是有效的 JSON', example: badRequest('请求内容不是有效的 JSON。', { code: 'invalid_json' }) }
const SIGNED_OUT: ErrorAnswer[] = [
  { when: '没有带 Authorization: Bearer <token>', example: unauthorized() },
  { when: '令牌已过期或无效，请重新登录（POST /api/v1/auth/wechat）', example: unauthorized('登录已过期，请重新登录。') },
]
const TOO_LARGE: ErrorAnswer = { when: '请求体超过 1 MB', example: new HttpError(413) }
const NOT_JSON: ErrorAnswer = { when: '请求体不是 application/json', example: new HttpError(415) }
const RATE_LIMITED: ErrorAnswer = { when: '太频繁：请按 Retry-After 响应头（秒）等待后再试', example: new HttpError(429) }
const LIMIT_UNAVAILABLE: ErrorAnswer = {
  when: '多实例部署时计数用的 Redis 暂时连不上：为安全起见暂停受理，请按 Retry-After 响应头（秒）等待后再试',
  example: rateLimitUnavailable(undefined),
}
const INTERNAL: ErrorAnswer = { when: '服务器内部错误（已记录日志，答复里没有细节）', example: new HttpError(500) }
const OTHER_CLIENT_ERROR: ErrorAnswer = { when: '其他客户端错误（如 404 没有这个接口、405 不支持的请求方式）', example: new HttpError(404, '没有这个接口。') }
const OTHER_SERVER_ERROR: ErrorAnswer = { when: '其他服务器错误（如 503 依赖的服务暂时不可用）', example: new HttpError(503) }

export interface RouteTraits {
  /** The route runs `app.authenticate`. */
  signedIn: boolean
}

/** The answers a route shares with every route like it, before its own `schema.errors`. */
function commonAnswers(route: RouteOptions, traits: RouteTraits): Record<number, ErrorAnswer[]> {
  const schema = route.schema ?? {}
  const answers: Record<number, ErrorAnswer[]> = {}
  const add = (status: number, ...list: ErrorAnswer[]) => {
    answers[status] = [...(answers[status] ?? []), ...list]
  }
  if (schema.body || schema.querystring || schema.params || schema.headers) add(400, INVALID_REQUEST)
  if (schema.body) {
    add(400, INVALID_JSON)
    add(413, TOO_LARGE)
    add(415, NOT_JSON)
  }
  if (traits.signedIn) add(401, ...SIGNED_OUT)
  if (route.config && 'rateLimit' in route.config && route.config.rateLimit) {
    add(429, RATE_LIMITED)
    // A limit that fails closed (http/rate-limits.ts) answers 503 while its counters cannot be reached.
    if (typeof route.config.rateLimit === 'object' && route.config.rateLimit.skipOnError !== true) add(503, LIMIT_UNAVAILABLE)
  }
  add(500, INTERNAL)
  return answers
}

/**
 * Documents a route's error answers: the common ones and the route's own `schema.errors`, by status,
 * plus 4XX and 5XX for anything else. Run from an onRoute hook before the route is compiled, so the
 * same schemas also serialize the answers.
 */
export function documentErrorAnswers(route: RouteOptions, traits: RouteTraits): void {
  const schema = route.schema
  if (!schema) return
  const answers = commonAnswers(route, traits)
  for (const [status, own] of Object.entries(schema.errors ?? {})) {
    answers[Number(status)] = [...(answers[Number(status)] ?? []), ...(Array.isArray(own) ? own : [own as ErrorAnswer])]
  }
  delete schema.errors
  schema.response = { ...errorAnswers(answers), '4xx': answerSchema([OTHER_CLIENT_ERROR]), '5xx': answerSchema([OTHER_SERVER_ERROR]), ...(schema.response ?? {}) }
}

declare module 'fastify' {
  interface FastifySchema {
    /** The route's own error answers by status, documented with the common ones (see server/openapi/answers.ts). */
    errors?: ErrorAnswers
  }
}
