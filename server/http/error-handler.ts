// Every error becomes shared/API.md's body. Whatever a client sent is answered 4xx; only our own
// faults are 500, logged in full and answered without details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify'
import type { ApiIssue } from '@/domain/api'
import { ApiErrorCode } from '@/domain/api'
import { HttpError, badRequest, isHttpError } from '../errors'

interface ValidationFailure {
  validation: FastifySchemaValidationError[]
}

function hasValidation(error: unknown): error is ValidationFailure {
  return typeof error === 'object' && error !== null && Array.isArray((error as { validation?: unknown }).validation)
}

function pathOf(issue: FastifySchemaValidationError): string {
  const path = issue.params?.path
  if (Array.isArray(path)) return path.map(String).join('.')
  return issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.')
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const status = (error as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

const JSON_ERRORS = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY'])

/** The client-facing error for anything thrown; undefined means "our fault" (500). */
export function toHttpError(error: unknown): HttpError | undefined {
  if (isHttpError(error)) return error
  if (hasValidation(error)) {
    const issues: ApiIssue[] = error.validation.map((issue) => ({ path: pathOf(issue), message: issue.message ?? '格式不正确' }))
    return badRequest(undefined, { issues })
  }
  const status = statusOf(error)
  if (status === undefined || status < 400 || status >= 500) return undefined
  const code = codeOf(error)
  if ((code && JSON_ERRORS.has(code)) || (status === 400 && error instanceof SyntaxError)) {
    return badRequest('请求内容不是有效的 JSON。', { code: ApiErrorCode.invalidJson })
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpError(415)
  }
  return new HttpError(status)
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply.status(error.statusCode).type('application/json; charset=utf-8').send(error.toBody())
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = toHttpError(error)
  if (answer && answer.statusCode < 500) {
    request.log.info({ statusCode: answer.statusCode, error: answer.errorCode }, 'request refused')
    return sendError(reply, answer)
  }
  if (answer) {
    // Our side or an upstream service (e.g. WeChat) failed: worth a warning with the cause.
    request.log.warn({ err: answer.cause ?? answer, statusCode: answer.statusCode }, 'request failed upstream')
    return sendError(reply, answer)
  }
  request.log.error({ err: error }, 'request failed')
  return sendError(reply, new HttpError(500))
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply))
}

/** For Fastify's `frameworkErrors` option: errors raised before routing (a malformed URL …). */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  handleError(error, request, reply)
}
