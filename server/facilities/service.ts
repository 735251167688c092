// The in-memory facility index the care finder's routes answer from (kdbush via the domain's
// FacilityIndex), built from the database when the app becomes ready and rebuilt when the table changes.
//
// How a running server sees an import:
// - in the same process (`importFacilityFileAndRefresh`, tests): the import calls `refresh()`;
// - from another process (`npm run facilities:import` against PostgreSQL): a request that finds the
//   last check older than `checkEveryMs` (10 s) starts a check in the background: the table's
//   revision (one cheap read, see repository.ts) is compared with the one the index was built from,
//   and the index is rebuilt when they differ. That request and those during the rebuild are answered from the
//   previous index; later ones from the new. An idle server does no work at all.
//   (With the embedded PGlite the import cannot run while the server holds the database, so the
//   server loads the imported rows when it starts again.)
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { type Facility, type FacilityIndex, buildFacilityIndex } from '@/domain/care'
import type { Db } from '../db'
import { HttpError } from '../errors'
import { type FacilitiesSignature, facilitiesSignature, loadAllFacilities, sameSignature } from './repository'

/** 503: the facilities have not been loaded (yet), so no search can be answered. */
export const facilitiesUnavailable = (): HttpError => new HttpError(503, '找服务的数据暂时无法读取，请稍后再试。', { code: 'facilities_unavailable' })

export const DEFAULT_CHECK_EVERY_MS = 10_000

export interface FacilityServiceLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface FacilityServiceOptions {
  db: Db
  log: FacilityServiceLogger
  /** At most one change check per this many milliseconds, started by a request. */
  checkEveryMs?: number
  /** A monotonic clock in milliseconds (not the app's movable clock, which tests set to any day). */
  monotonicNow?: () => number
}

export interface FacilitySnapshot {
  index: FacilityIndex<Facility>
  signature: FacilitiesSignature
  loadedAt: number
  loadMs: number
}

export class FacilityService {
  private readonly db: Db
  private readonly log: FacilityServiceLogger
  private readonly checkEveryMs: number
  private readonly monotonicNow: () => number
  private snapshot: FacilitySnapshot | undefined
  /** Loads and checks run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve()
  private inFlight = 0
  private lastCheckAt = Number.NEGATIVE_INFINITY
  private closed = false

  constructor(options: FacilityServiceOptions) {
    this.db = options.db
    this.log = options.log
    this.checkEveryMs = options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS
    this.monotonicNow = options.monotonicNow ?? (() => performance.now())
  }

  /** The index now served, or undefined before the first successful load. */
  get index(): FacilityIndex<Facility> | undefined {
    return this.snapshot?.index
  }

  /** What the served index was built from. */
  get signature(): FacilitiesSignature | undefined {
    return this.snapshot?.signature
  }

  /** (Re)builds the index from the table. Runs after any load or check already under way. */
  refresh(): Promise<FacilitySnapshot> {
    return this.enqueue(() => this.loadNow())
  }

  /**
   * Compares the table's signature with the index's and rebuilds when they differ (or when nothing
   * is loaded yet). Resolves to true when it rebuilt.
   */
  checkForChanges(): Promise<boolean> {
    return this.enqueue(async () => {
      const current = await facilitiesSignature(this.db)
      if (this.snapshot && sameSignature(current, this.snapshot.signature)) return false
      await this.loadNow()
      return true
    })
  }

  /**
   * The index for a request. Starts a background check when the last one is older than
   * `checkEveryMs`; answers 503 while nothing could be loaded yet (the database was unreachable).
   */
  indexForRequest(): FacilityIndex<Facility> {
    const now = this.monotonicNow()
    if (!this.closed && now - this.lastCheckAt >= this.checkEveryMs) {
      this.lastCheckAt = now
      this.checkForChanges().catch((error: unknown) => this.log.warn({ err: error }, 'facility change check failed; still serving the previous index'))
    }
    if (!this.snapshot) throw facilitiesUnavailable()
    return this.snapshot.index
  }

  /** Resolves when no load or check is under way (tests; closing). */
  async settled(): Promise<void> {
    while (this.inFlight > 0) await this.queue.catch(() => undefined)
  }

  /** First load when the app becomes ready. A failure is logged, not thrown: the rest of the API still starts. */
  async start(): Promise<void> {
    this.lastCheckAt = this.monotonicNow()
    try {
      await this.refresh()
    } catch (error) {
      this.log.error({ err: error }, 'could not build the facility index; the care finder answers 503 until a later check succeeds')
    }
  }

  async close(): Promise<void> {
    this.closed = true
    await this.settled()
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1
    const run = this.queue.catch(() => undefined).then(work)
    this.queue = run
    return run.finally(() => {
      this.inFlight -= 1
    })
  }

  private async loadNow(): Promise<FacilitySnapshot> {
    const started = performance.now()
    const loaded = await loadAllFacilities(this.db)
    const queried = performance.now()
    const index = buildFacilityIndex(loaded.facilities)
    const loadMs = performance.now() - started
    const previous = this.snapshot
    this.snapshot = { index, signature: loaded.signature, loadedAt: this.monotonicNow(), loadMs }
    this.log.info(
      {
        count: index.size,
        previousCount: previous?.index.size,
        revision: loaded.signature.revision,
        queryMs: Math.round(queried - started),
        buildMs: Math.round(loadMs - (queried - started)),
      },
      `facility index ${previous ? 'rebuilt' : 'built'}: ${index.size} facilities in ${Math.round(loadMs)} ms`,
    )
    return this.snapshot
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The care finder's facility index (server/facilities/service.ts). */
    facilities: FacilityService
  }
}

/**
 * Adds `app.facilities`, loads it when the app becomes ready (after main.ts has migrated and seeded)
 * and waits for any load under way when the app closes.
 */
export function installFacilities(app: FastifyInstance, options: Partial<Omit<FacilityServiceOptions, 'db' | 'log'>> = {}): void {
  const service = new FacilityService({ db: app.db, log: app.log, ...options })
  app.decorate('facilities', service)
  app.addHook('onReady', async () => service.start())
  app.addHook('onClose', async () => service.close())
}
