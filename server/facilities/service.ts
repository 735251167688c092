// The in-memory facility index the care finder's routes answer from (kdbush via the domain's
// FacilityIndex), built from the database when the app becomes ready and rebuilt when the table changes.
//
// How every running instance sees an import, whichever process wrote it:
// - a trigger on the facilities table (db/migrations/054_change_notices.sql) sends NOTIFY when a write
//   commits; each instance LISTENs (Db.listen), compares the table's revision (one cheap read, see
//   repository.ts) with the one its index was built from, and rebuilds when they differ. Requests during
//   the rebuild are answered from the previous index, later ones from the new. Nothing is polled: an idle
//   server does no work at all, and an import is seen within a second.
// - when the listening connection drops and comes back, a notice may have been missed: the same check runs.
// - in the same process (`importFacilityFileAndRefresh`, tests) the import can also call `refresh()`.
// (With the embedded PGlite the import cannot run while the server holds the database, so the server
// loads the imported rows when it starts again.)
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { type Facility, type FacilityIndex, buildFacilityIndex } from '@/domain/care'
import type { Db } from '../db'
import { HttpError } from '../errors'
import { coalesced } from '../jobs/coalesced'
import { type FacilitiesSignature, facilitiesSignature, loadAllFacilities, sameSignature } from './repository'

/** 503: the facilities have not been loaded (yet), so no search can be answered. */
export const facilitiesUnavailable = (): HttpError => new HttpError(503, '找服务的数据暂时无法读取，请稍后再试。', { code: 'facilities_unavailable' })

/** The Db.listen topic the facilities table's trigger notifies. */
export const FACILITIES_TOPIC = 'facilities'
/** After a failed first load, tried again this often until it works. */
export const DEFAULT_RETRY_MS = 5_000

export interface FacilityServiceLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface FacilityServiceOptions {
  db: Db
  log: FacilityServiceLogger
  retryMs?: number
}

export interface FacilitySnapshot {
  index: FacilityIndex<Facility>
  signature: FacilitiesSignature
  loadMs: number
}

export class FacilityService {
  private readonly db: Db
  private readonly log: FacilityServiceLogger
  private readonly retryMs: number
  private snapshot: FacilitySnapshot | undefined
  /** Loads and checks run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve()
  private inFlight = 0
  private firstLoad: Promise<unknown> | undefined
  private retry: NodeJS.Timeout | undefined
  private stopListening: (() => Promise<void>) | undefined
  private readonly noticed = coalesced(async () => {
    await this.checkForChanges().catch((error: unknown) => this.log.warn({ err: error }, 'facility change check failed; still serving the previous index'))
  })
  private closed = false

  constructor(options: FacilityServiceOptions) {
    this.db = options.db
    this.log = options.log
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS
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
   * The index for a request. While the first load is under way (the instance is starting) the request
   * waits for it; when nothing could be loaded (the database was unreachable) it is 503.
   */
  async indexForRequest(): Promise<FacilityIndex<Facility>> {
    if (!this.snapshot && this.firstLoad) await this.firstLoad
    if (!this.snapshot) throw facilitiesUnavailable()
    return this.snapshot.index
  }

  /** Resolves when no load or check is under way (tests; closing). */
  async settled(): Promise<void> {
    while (this.inFlight > 0) await this.queue.catch(() => undefined)
  }

  /**
   * Listens for changes, then loads the index; resolves when the first load is over. A failure is
   * logged, not thrown: the rest of the API works, the care finder answers 503, and the load is tried
   * again every `retryMs` until it succeeds.
   */
  start(): Promise<void> {
    const first = (async () => {
      try {
        this.stopListening = await this.db.listen(FACILITIES_TOPIC, () => void this.noticed.run())
      } catch (error) {
        this.log.error({ err: error }, 'could not listen for facility imports; this instance sees them when it restarts')
      }
      await this.loadOrRetry(true)
    })()
    this.firstLoad = first
    return first
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    await this.stopListening?.().catch(() => undefined)
    await this.noticed.idle()
    await this.settled()
  }

  private async loadOrRetry(first: boolean): Promise<void> {
    try {
      await this.checkForChanges()
    } catch (error) {
      if (first) this.log.error({ err: error }, 'could not build the facility index; the care finder answers 503 until a later try succeeds')
      else this.log.warn({ err: error }, 'the facility index still cannot be built; trying again')
      if (this.closed) return
      this.retry = setTimeout(() => void this.loadOrRetry(false), this.retryMs)
      this.retry.unref()
    }
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
    this.snapshot = { index, signature: loaded.signature, loadMs }
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
 * Adds `app.facilities`, starts loading it when the app becomes ready (after main.ts has migrated and seeded;
 * the instance reports ready once it is loaded) and stops listening when the app closes.
 */
export function installFacilities(app: FastifyInstance, options: Partial<Omit<FacilityServiceOptions, 'db' | 'log'>> = {}): void {
  const service = new FacilityService({ db: app.db, log: app.log, ...options })
  app.decorate('facilities', service)
  app.addHook('onReady', async () => {
    app.readiness.include(service.start())
  })
  app.addHook('onClose', async () => service.close())
}
