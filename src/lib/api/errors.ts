import type { ApiIssue } from '@/domain/api'

/** What went wrong with a request, in terms the UI can act on. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'invalid_response'

/** A field at fault: its dotted path as the server reports it (`members.0.age`) and the message. */
export type FieldIssue = ApiIssue

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** HTTP status, when the server answered. */
  readonly status?: number
  /** The server's error code (`invalid_request`, `no_policy_in_force` …). */
  readonly code?: string
  readonly issues: FieldIssue[]
  /** Seconds the server asked us to wait (429). */
  readonly retryAfter?: number

  constructor(init: { kind: ApiErrorKind; message: string; status?: number; code?: string; issues?: FieldIssue[]; retryAfter?: number }) {
    super(init.message)
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
    this.issues = init.issues ?? []
    this.retryAfter = init.retryAfter
  }

  /** The message for one field, to show next to it. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message
  }
}
