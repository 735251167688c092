import { z } from 'zod'

/** One field at fault, with its dotted path inside the request (`members.0.age`). */
export const ApiIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
})
export type ApiIssue = z.infer<typeof ApiIssueSchema>

/**
 * The body of every error answer (shared/API.md): a stable code for programs, a zh-CN message for
 * people, and the fields at fault when the request was bad.
 */
export const ApiErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

/**
 * Codes the server itself uses. Features may add their own (`stale_draft`, `idempotency_key_reused` …);
 * clients should branch on the HTTP status first and the code second.
 */
export const ApiErrorCode = {
  invalidRequest: 'invalid_request',
  invalidJson: 'invalid_json',
  unauthorized: 'unauthorized',
  invalidCode: 'invalid_code',
  forbidden: 'forbidden',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  unprocessable: 'unprocessable',
  rateLimited: 'rate_limited',
  internal: 'internal_error',
  upstreamUnavailable: 'upstream_unavailable',
} as const
export type KnownApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]
