import { type Facility, type NearbyQuery, type NearbyResponse, toNearbyResult } from './facility'
import { FacilityIndex } from './geo'
import { localMoment } from './openingHours'
import { type DateInput, toShanghai } from '../time'

/**
 * `GET /facilities/nearby` as a pure function of an index, a parsed query and the current time:
 * the server parses the query with `NearbyQuery` (400 on failure) and returns this.
 * With `openAt`, only places open then are listed and `openNow`/`todayHours` describe that moment;
 * without it they describe `now` and closed places are listed too.
 */
export function searchNearby(index: FacilityIndex<Facility>, query: NearbyQuery, now: DateInput): NearbyResponse {
  const at = query.openAt ?? now
  const moment = localMoment(at)
  const hits = index.nearest({
    lat: query.lat,
    lng: query.lng,
    types: query.types,
    radiusKm: query.radiusKm,
    limit: query.limit,
    ...(query.openAt !== undefined ? { openAt: query.openAt } : {}),
  })
  return {
    at: toShanghai(at).format(),
    radiusKm: query.radiusKm,
    items: hits.map((hit) => toNearbyResult(hit.item, hit.distanceM, at, moment)),
  }
}

/** Build the facility index (kdbush) from facilities. */
export function buildFacilityIndex(facilities: readonly Facility[]): FacilityIndex<Facility> {
  return new FacilityIndex(facilities)
}
