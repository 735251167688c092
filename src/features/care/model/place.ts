import { z } from 'zod'
import { findCity, findCounty, type City, type County } from '@/domain/care/regions'
import { readStored, writeStored } from '@/lib/storage'

/**
 * Where the search starts: the person's approximate location (used once, never stored), or a
 * county they chose, whose centre stands in for them (remembered for next time).
 */
export type SearchPlace = { kind: 'located'; lat: number; lng: number } | { kind: 'county'; county: County; city: City }

/** Only the chosen county's code is kept on the device; a location never is. */
export const chosenPlaceKey = 'jx.care.place'
const StoredPlace = z.object({ countyCode: z.string().regex(/^14\d{4}$/) })

export function countyPlace(countyCode: string): SearchPlace | undefined {
  const county = findCounty(countyCode)
  const city = county ? findCity(county.cityCode) : undefined
  return county && city ? { kind: 'county', county, city } : undefined
}

export function readChosenPlace(): SearchPlace | undefined {
  const stored = readStored(chosenPlaceKey, StoredPlace)
  return stored ? countyPlace(stored.countyCode) : undefined
}

export function rememberChosenPlace(countyCode: string): void {
  writeStored(chosenPlaceKey, { countyCode })
}

export function searchPoint(place: SearchPlace): { lat: number; lng: number } {
  return place.kind === 'located' ? { lat: place.lat, lng: place.lng } : { ...place.county.centre }
}
