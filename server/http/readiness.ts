// Whether this instance should be sent requests (`GET /api/v1/ready`, for the load balancer): `starting`
// until its start-up work is done (the facility index), `ready`, then `draining` from SIGTERM until it exits.
// While draining, requests already on their way are still answered, each with `Connection: close`.

export type ReadinessState = 'starting' | 'ready' | 'draining'

export interface Readiness {
  readonly state: ReadinessState
  /** Start-up work to finish before taking traffic; a failure is the work's own to report. */
  include(work: Promise<unknown>): void
  /** Listening: ready as soon as the start-up work is done (unless draining by then). */
  becomeReady(): Promise<void>
  drain(): void
}

export function createReadiness(): Readiness {
  let state: ReadinessState = 'starting'
  const work: Promise<unknown>[] = []
  return {
    get state() {
      return state
    },
    include(promise) {
      work.push(promise.catch(() => undefined))
    },
    async becomeReady() {
      // Work included meanwhile is waited for too.
      let waited = 0
      while (waited < work.length) {
        const pending = work.slice(waited)
        waited = work.length
        await Promise.all(pending)
      }
      if (state === 'starting') state = 'ready'
    },
    drain() {
      state = 'draining'
    },
  }
}
