import { FacilityDetail, NearbyResponse } from '@/domain/care/facility'
import { toShanghai } from '@/domain/time'
import { api } from '@/lib/api'
import type { NearbySearch } from '../model/search'

/**
 * `GET /facilities/nearby`. With 只看营业中 the moment sent is the device's clock, in Asia/Shanghai
 * (2026-03-04T11:45:00+08:00), so the server lists what is open as the person looks.
 */
export function searchNearby(search: NearbySearch, now: Date = new Date()): Promise<NearbyResponse> {
  return api.request({
    path: '/facilities/nearby',
    query: {
      lat: search.lat,
      lng: search.lng,
      types: search.type === 'all' ? undefined : search.type,
      radiusKm: search.radiusKm,
      limit: search.limit,
      openAt: search.openNow ? toShanghai(now).format() : undefined,
    },
    schema: NearbyResponse,
  })
}

/** `GET /facilities/:id`. */
export function getFacility(id: string): Promise<FacilityDetail> {
  return api.request({ path: `/facilities/${encodeURIComponent(id)}`, schema: FacilityDetail })
}
