import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { FACILITY_TYPES, type FacilityType } from './facility'
import type { DateInput } from '../time'
import { type LocalMoment, type OpeningHours, isOpenAtMoment, localMoment } from './openingHours'

/**
 * Distances and the nearest-facility search.
 *
 * Semantics shared by `FacilityIndex.nearest` and `linearNearest` (the tests hold them equal):
 * - distance is great-circle (haversine, R = 6371 km), computed by `distanceKm` below, which is
 *   operation-for-operation the formula geokdbush orders by, so both agree to the last bit;
 * - a point is in range when distanceKm <= radiusKm (the boundary is included);
 * - filters: type in `types`; with `openAt`, only points whose hours are open then (a point
 *   without hours is never "open");
 * - order: by distance, then by id (plain string order), and the first `limit` are returned.
 */

export const EARTH_RADIUS_KM = 6371
const RAD = Math.PI / 180

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2)
  return s * s
}

/** Great-circle distance in kilometres (haversine). Symmetric in its two points. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const h = Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * haverSin((lng1 - lng2) * RAD) + haverSin((lat1 - lat2) * RAD)
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h))
}

/** What the index needs of a facility (a full `Facility` qualifies). */
export interface IndexedPoint {
  id: string
  type: FacilityType
  lat: number
  lng: number
  hours?: OpeningHours
}

export interface NearestQuery {
  lat: number
  lng: number
  /** Types to include; absent or empty means all. */
  types?: readonly FacilityType[]
  radiusKm: number
  limit: number
  /** Only points open at this moment (Asia/Shanghai rules). */
  openAt?: DateInput
}

export interface NearestHit<T> {
  item: T
  distanceKm: number
  distanceM: number
}

const TYPE_CODE: Readonly<Record<FacilityType, number>> = { canteen: 0, daycare: 1, institution: 2 }

function typeMask(types: readonly FacilityType[] | undefined): number {
  if (!types || types.length === 0) return 0b111
  let mask = 0
  for (const t of types) mask |= 1 << TYPE_CODE[t]
  return mask
}

function byDistanceThenId<T extends IndexedPoint>(a: NearestHit<T>, b: NearestHit<T>): number {
  if (a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0
}

// Slack given to geokdbush's own cut-off (it converts km back to a haversine value); the exact
// comparison with distanceKm is done afterwards, so the slack only admits candidates.
const SLACK = 1e-9

/**
 * An in-memory spatial index over facility points (kdbush + geokdbush `around`), built once from
 * the database and rebuilt after an import. Immutable after construction.
 */
export class FacilityIndex<T extends IndexedPoint> {
  readonly items: readonly T[]
  private readonly tree: KDBush
  private readonly typeCodes: Uint8Array
  private byId: Map<string, T> | undefined

  constructor(items: readonly T[], nodeSize = 64) {
    this.items = items
    this.tree = new KDBush(Math.max(items.length, 1), nodeSize, Float64Array)
    this.typeCodes = new Uint8Array(items.length)
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T
      this.tree.add(item.lng, item.lat)
      this.typeCodes[i] = TYPE_CODE[item.type]
    }
    if (items.length === 0) this.tree.add(0, 0) // kdbush needs one point; it is never returned
    this.tree.finish()
  }

  get size(): number {
    return this.items.length
  }

  /** The item with this id (the lookup table is built on first use, not with the index). */
  get(id: string): T | undefined {
    if (!this.byId) this.byId = new Map(this.items.map((item) => [item.id, item]))
    return this.byId.get(id)
  }

  /** The nearest points to (lat, lng) within radiusKm matching the filters, nearest first. */
  nearest(query: NearestQuery): NearestHit<T>[] {
    const { lat, lng, radiusKm, limit } = query
    if (this.items.length === 0 || limit <= 0 || !(radiusKm >= 0)) return []
    const moment = query.openAt === undefined ? undefined : localMoment(query.openAt)
    const predicate = this.predicate(typeMask(query.types), moment)

    // geokdbush returns points in increasing distance. Ask for one more than needed: if the
    // (limit+1)-th is strictly farther than the limit-th, no unseen point can tie with the cut-off.
    const ids = around(this.tree, lng, lat, limit + 1, radiusKm * (1 + SLACK) + SLACK, predicate)
    const hits = this.toHits(ids, lat, lng, radiusKm)
    if (ids.length <= limit) return hits.sort(byDistanceThenId).slice(0, limit)

    const kth = this.distanceOf(ids[limit - 1] as number, lat, lng)
    const next = this.distanceOf(ids[limit] as number, lat, lng)
    if (next > kth || kth > radiusKm) {
      return hits.filter((h) => h.distanceKm <= kth).sort(byDistanceThenId).slice(0, limit)
    }
    // A tie at the cut-off (e.g. two facilities at one address): collect every point as close as
    // the limit-th and let the id decide, exactly as the linear scan does.
    const tied = around(this.tree, lng, lat, Infinity, kth * (1 + SLACK) + SLACK, predicate)
    return this.toHits(tied, lat, lng, kth).sort(byDistanceThenId).slice(0, limit)
  }

  private predicate(mask: number, moment: LocalMoment | undefined): ((i: number) => boolean) | undefined {
    const codes = this.typeCodes
    const items = this.items
    if (mask === 0b111 && !moment) return undefined
    if (!moment) return (i) => ((mask >> (codes[i] as number)) & 1) === 1
    return (i) => {
      if (((mask >> (codes[i] as number)) & 1) !== 1) return false
      const hours = (items[i] as T).hours
      return hours !== undefined && isOpenAtMoment(hours, moment)
    }
  }

  private distanceOf(i: number, lat: number, lng: number): number {
    const item = this.items[i] as T
    return distanceKm(lat, lng, item.lat, item.lng)
  }

  private toHits(ids: readonly number[], lat: number, lng: number, maxKm: number): NearestHit<T>[] {
    const hits: NearestHit<T>[] = []
    for (const i of ids) {
      const item = this.items[i] as T
      const d = distanceKm(lat, lng, item.lat, item.lng)
      if (d <= maxKm) hits.push({ item, distanceKm: d, distanceM: d * 1000 })
    }
    return hits
  }
}

/** Brute force with the index's semantics: every point is measured. For tests and the benchmark. */
export function linearNearest<T extends IndexedPoint>(items: readonly T[], query: NearestQuery): NearestHit<T>[] {
  const { lat, lng, radiusKm, limit } = query
  if (limit <= 0) return []
  const types = query.types && query.types.length > 0 ? query.types : FACILITY_TYPES
  const moment = query.openAt === undefined ? undefined : localMoment(query.openAt)
  const hits: NearestHit<T>[] = []
  for (const item of items) {
    if (!types.includes(item.type)) continue
    const d = distanceKm(lat, lng, item.lat, item.lng)
    if (!(d <= radiusKm)) continue
    if (moment && (item.hours === undefined || !isOpenAtMoment(item.hours, moment))) continue
    hits.push({ item, distanceKm: d, distanceM: d * 1000 })
  }
  return hits.sort(byDistanceThenId).slice(0, limit)
}
