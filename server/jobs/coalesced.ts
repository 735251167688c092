// One piece of work asked for again and again (a notice per queued message, a timer): never two runs at
// once, and a request during a run makes exactly one more run after it, so nothing asked for is missed.

export interface Coalesced {
  /** Runs now, or once more after the run under way; resolves when that run is over. */
  run(): Promise<void>
  /** Resolves when no run is under way or waiting. */
  idle(): Promise<void>
}

export function coalesced(work: () => Promise<void>): Coalesced {
  let current: Promise<void> | undefined
  let next: Promise<void> | undefined
  const start = (): Promise<void> => {
    current = work().finally(() => {
      current = undefined
    })
    return current
  }
  return {
    run() {
      if (!current) return start()
      next ??= current.catch(() => undefined).then(() => {
        next = undefined
        return start()
      })
      return next
    },
    async idle() {
      while (current || next) await (next ?? current)
    },
  }
}
