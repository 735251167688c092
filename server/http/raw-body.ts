// For routes that verify a signature over the exact bytes sent (case events: `X-Signature: sha256=<hex>`).
// Call inside the route plugin: it replaces the JSON parser for that plugin's routes only.
import type { FastifyInstance } from 'fastify'
import { ApiErrorCode } from '@/domain/api'
import { badRequest } from '../errors'

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as received, on routes of a plugin that called {@link keepRawJsonBody}. */
    rawBody?: Buffer
  }
}

const FORBIDDEN_KEYS = /"(__proto__|constructor)"\s*:/

export function keepRawJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer
    request.rawBody = bytes
    const text = bytes.toString('utf8')
    // Same refusals as Fastify's own parser: empty bodies, bad JSON, prototype-poisoning keys.
    if (text.trim() === '' || FORBIDDEN_KEYS.test(text)) {
      done(badRequest('请求内容不是有效的 JSON。', { code: ApiErrorCode.invalidJson }), undefined)
      return
    }
    try {
      done(null, JSON.parse(text))
    } catch {
      done(badRequest('请求内容不是有效的 JSON。', { code: ApiErrorCode.invalidJson }), undefined)
    }
  })
}
