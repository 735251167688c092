import { PARAMETERS } from '../policy/parameters'

/** The earliest date any parameter begins: screening before it has no policy to apply. */
export const POLICY_START = Object.values(PARAMETERS)
  .map((parameter) => parameter.values[0].from)
  .reduce((earliest, from) => (from < earliest ? from : earliest))

export const NO_POLICY_IN_FORCE = 'no_policy_in_force'

/**
 * The screening date is before the parameters it needs begin. The server answers HTTP 422
 * `{"error":"no_policy_in_force"}`; the app says the date is too early.
 */
export class NoPolicyInForceError extends Error {
  readonly code = NO_POLICY_IN_FORCE
  constructor(readonly date: string) {
    super(`${date} 时还没有生效的救助政策标准（本测算从 ${POLICY_START} 起适用）`)
    this.name = 'NoPolicyInForceError'
  }
}

/** True for a NoPolicyInForceError, also across bundles where `instanceof` may not hold. */
export function isNoPolicyInForce(error: unknown): error is NoPolicyInForceError {
  return error instanceof NoPolicyInForceError || (error instanceof Error && (error as Partial<NoPolicyInForceError>).code === NO_POLICY_IN_FORCE)
}
