// Work that must happen once per period however many instances run: the outbox's retry sweep every ten
// seconds, expired sessions every six hours, a daily re-check at midnight in Shanxi. Every instance checks
// each job on a timer; the one that takes the job's lock (a PostgreSQL advisory lock, see Db.withLockIfFree)
// runs it when `scheduled_jobs` shows the current period not yet done, and records it after it succeeds.
// On PGlite there is one instance, and the same code is the trivial case.
import os from 'node:os'
import type { Db } from '../db'
import type { Clock } from '../types'

/** Shanxi keeps UTC+8 all year, so periods of a day or an hour start at Shanxi's midnight or full hour. */
const SHANXI_OFFSET_MS = 8 * 3_600_000
/** A job is looked at this often at most, however long its period (a daily job: every minute). */
const MAX_CHECK_MS = 60_000

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export interface JobRun {
  /** The start of the period being run (for a daily job, 00:00 in Shanxi). */
  periodStart: Date
  now: Date
}

export type Job = (run: JobRun) => Promise<void>

export interface SchedulerLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface Scheduler {
  /**
   * Runs `job` once in each period of `periodMs` across every instance on this database. A period that
   * failed is tried again at the next check (at most every minute). Register before the app is ready.
   */
  runOncePerPeriod(name: string, periodMs: number, job: Job): void
  /** Checks every job now; answers the names of those this instance ran (start-up, tests). */
  runDue(): Promise<string[]>
  start(): void
  /** Stops the timers and waits for a run under way. */
  close(): Promise<void>
}

/** The start of the period of `periodMs` that holds `now`, periods counted from a Shanxi midnight. */
export function periodStartOf(now: Date, periodMs: number): Date {
  const local = now.getTime() + SHANXI_OFFSET_MS
  return new Date(local - (local % periodMs) - SHANXI_OFFSET_MS)
}

const INSTANCE = `${os.hostname()}:${process.pid}`

export function createScheduler(db: Db, clock: Clock, log: SchedulerLogger): Scheduler {
  const jobs = new Map<string, { periodMs: number; job: Job; timer?: NodeJS.Timeout }>()
  const running = new Set<Promise<unknown>>()
  let started = false
  let closed = false

  async function runIfDue(name: string): Promise<boolean> {
    const entry = jobs.get(name)
    if (!entry || closed) return false
    const now = clock()
    const periodStart = periodStartOf(now, entry.periodMs)
    const outcome = await db.withLockIfFree(`job:${name}`, async () => {
      const last = await db.query<{ period_start: Date }>('SELECT period_start FROM scheduled_jobs WHERE name = $1', [name])
      if (last.rows[0] && last.rows[0].period_start.getTime() >= periodStart.getTime()) return false
      await entry.job({ periodStart, now })
      await db.query(
        `INSERT INTO scheduled_jobs (name, period_start, finished_at, finished_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET period_start = EXCLUDED.period_start, finished_at = EXCLUDED.finished_at, finished_by = EXCLUDED.finished_by`,
        [name, periodStart, clock(), INSTANCE],
      )
      return true
    })
    return outcome.ran && outcome.value
  }

  function check(name: string): Promise<boolean> {
    const run = runIfDue(name).catch((error: unknown) => {
      log.warn({ err: error, job: name }, 'scheduled job failed; it is tried again at the next check')
      return false
    })
    running.add(run)
    void run.finally(() => running.delete(run))
    return run
  }

  function arm(name: string) {
    const entry = jobs.get(name)
    if (!entry || closed) return
    entry.timer = setInterval(() => void check(name), Math.min(entry.periodMs, MAX_CHECK_MS))
    entry.timer.unref()
  }

  return {
    runOncePerPeriod(name, periodMs, job) {
      if (jobs.has(name)) throw new Error(`scheduled job ${name} is registered twice`)
      if (!Number.isInteger(periodMs) || periodMs < 1000) throw new Error(`scheduled job ${name}: the period must be a whole number of milliseconds, at least 1000`)
      jobs.set(name, { periodMs, job })
      if (started) arm(name)
    },
    async runDue() {
      const names = [...jobs.keys()]
      const ran = await Promise.all(names.map((name) => check(name)))
      return names.filter((_, i) => ran[i])
    },
    start() {
      if (started) return
      started = true
      for (const name of jobs.keys()) arm(name)
    },
    async close() {
      closed = true
      for (const entry of jobs.values()) if (entry.timer) clearInterval(entry.timer)
      await Promise.all([...running])
    },
  }
}
