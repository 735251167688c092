// pino options: what a log line may contain. Request bodies, headers and query strings are never logged;
// personal fields are censored wherever a route logs them by mistake.
import type { FastifyRequest, FastifyServerOptions } from 'fastify'
import type { LogLevel } from './env'

export const CENSORED = '[redacted]'

/** Field names that hold personal data or credentials, censored at any of the first four levels. */
const SENSITIVE_FIELDS = [
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
  'openid',
  'idNumber',
  'phone',
  'name',
  'address',
  'body',
  'payload',
]
const DEPTHS = ['', '*.', '*.*.', '*.*.*.']

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  'res.headers["set-cookie"]',
  ...DEPTHS.flatMap((prefix) => SENSITIVE_FIELDS.map((field) => `${prefix}${field}`)),
]

/** The path without its query string (queries can hold coordinates or codes). */
function pathOnly(url: string): string {
  const index = url.indexOf('?')
  return index === -1 ? url : url.slice(0, index)
}

/**
 * For a matched route its pattern (`/api/v1/invitations/:code/accept`), so codes and ids in the path
 * stay out of the log; for anything else the path without its query.
 */
function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions?.url
  // The H5 app's catch-all pattern says nothing; its paths are page names, not personal data.
  return pattern && pattern !== '/*' ? pattern : pathOnly(request.url)
}

interface ErrorLike {
  name?: unknown
  message?: unknown
  stack?: unknown
  code?: unknown
  statusCode?: unknown
}

/**
 * Errors are logged by type, message, code and stack only. Database errors carry `detail`
 * ("Key (x)=(value) already exists") and `where`, which can quote the data: those are dropped.
 */
function serializeError(error: ErrorLike) {
  return {
    type: typeof error.name === 'string' ? error.name : 'Error',
    message: typeof error.message === 'string' ? error.message : String(error),
    stack: typeof error.stack === 'string' ? error.stack : '',
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    ...(typeof error.statusCode === 'number' ? { statusCode: error.statusCode } : {}),
  }
}

/** Fastify's `logger` option: pino's options plus an optional `stream`. */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>
export type LogStream = NonNullable<LoggerOptions['stream']>

export function loggerOptions(level: LogLevel, stream?: LogStream): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: CENSORED },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: routeOf(request),
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    ...(stream ? { stream } : {}),
  }
}
