// Error answers that carry more than shared/API.md's `{error, message, issues}`: the route declares
// the extended body in its response schema for that status.
import { HttpError, type HttpErrorOptions } from '../errors'

export class HttpErrorWithDetails<Details extends Record<string, unknown>> extends HttpError {
  readonly details: Details

  constructor(statusCode: number, message: string, options: HttpErrorOptions, details: Details) {
    super(statusCode, message, options)
    this.details = details
  }

  override toBody() {
    return { ...super.toBody(), ...this.details }
  }
}
