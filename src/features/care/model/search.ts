import { MAX_LIMIT, MAX_RADIUS_KM, type FacilityType } from '@/domain/care/facility'

/** 全部 or one type. One choice at a time keeps the filter a single, plain question. */
export type TypeFilter = 'all' | FacilityType

export interface SearchFilters {
  type: TypeFilter
  /** 只看营业中: only places open at the moment of the search. */
  openNow: boolean
  radiusKm: number
}

export const RADIUS_CHOICES_KM = [1, 3, 5, 10, 20] as const

export const defaultFilters: SearchFilters = { type: 'all', openNow: false, radiusKm: 5 }

/** The next wider search: the next choice, then the widest the server allows; none beyond it. */
export function widerRadius(radiusKm: number): number | undefined {
  const next = RADIUS_CHOICES_KM.find((choice) => choice > radiusKm)
  if (next !== undefined) return next
  return radiusKm < MAX_RADIUS_KM ? MAX_RADIUS_KM : undefined
}

/** Elder mode lists fewer, larger rows. */
export function pageSize(elder: boolean): number {
  return elder ? 10 : 20
}

/** One more page of rows, up to what the server gives at most. */
export function nextLimit(limit: number, elder: boolean): number | undefined {
  return limit >= MAX_LIMIT ? undefined : Math.min(MAX_LIMIT, limit + pageSize(elder))
}

/** What one search asks for; `openNow` becomes the moment of the request when it is sent. */
export interface NearbySearch {
  lat: number
  lng: number
  type: TypeFilter
  openNow: boolean
  radiusKm: number
  limit: number
}
