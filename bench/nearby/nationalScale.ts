import type { FacilityType } from '../../src/domain/care/facility'
import type { IndexedPoint } from '../../src/domain/care/geo'
import { allDayEveryDay, type OpeningHours } from '../../src/domain/care/openingHours'
import { createRandom } from '../../server/facilities/random'
import { offset, round6, sameEveryDay } from '../../server/facilities/sample'

/** A facility point anywhere in China, for measuring the index (not valid Shanxi facilities). */
export type NationalPoint = IndexedPoint & { hours: OpeningHours }

// Rough centres of large Chinese cities (lat, lng, weight), to cluster points as people are.
const ANCHORS: readonly (readonly [number, number, number])[] = [
  [39.9, 116.41, 22], [31.23, 121.47, 25], [23.13, 113.26, 19], [22.54, 114.06, 18], [29.56, 106.55, 16], [30.57, 104.07, 21],
  [30.59, 114.31, 13], [34.34, 108.94, 13], [37.87, 112.55, 5], [34.75, 113.63, 13], [36.65, 117.12, 9], [41.8, 123.43, 9],
  [45.8, 126.53, 10], [43.82, 125.32, 9], [30.27, 120.16, 12], [32.06, 118.8, 9], [31.82, 117.23, 9], [26.07, 119.3, 8],
  [28.68, 115.86, 6], [28.23, 112.94, 10], [25.04, 102.71, 8], [26.65, 106.63, 6], [22.82, 108.37, 9], [36.06, 103.83, 4],
  [36.62, 101.78, 2], [38.49, 106.23, 3], [43.83, 87.62, 4], [29.65, 91.14, 1], [40.84, 111.75, 3], [38.04, 114.51, 11],
  [39.13, 117.2, 14], [20.04, 110.35, 3], [36.07, 120.38, 10], [38.91, 121.61, 7], [24.48, 118.09, 5], [31.3, 120.59, 13],
  [29.87, 121.55, 9], [40.08, 113.3, 3], [32.99, 112.53, 9], [27.99, 120.7, 9],
]

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}

function pickCumulative(cum: Float64Array, u: number): number {
  const target = u * (cum[cum.length - 1] as number)
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cum[mid] as number) > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * `n` points spread over China's extent (lat 18–53, lng 74–135), clustered around cities and
 * towns as real facilities are; ids `nat-0000001` …; types in a realistic mix; three shared
 * opening-hours templates so the `openAt` filter can be measured too.
 */
export function generateNationalScale(n: number, seed: number): NationalPoint[] {
  const rng = createRandom(seed)
  const templates: Readonly<Record<FacilityType, OpeningHours>> = {
    canteen: { weekly: sameEveryDay([1, 2, 3, 4, 5, 6], [{ open: '06:30', close: '09:00' }, { open: '11:00', close: '13:30' }]), closedDates: [] },
    daycare: { weekly: sameEveryDay([1, 2, 3, 4, 5], [{ open: '08:00', close: '17:30' }]), closedDates: [] },
    institution: allDayEveryDay(),
  }
  // Towns: the anchors themselves, towns around them, and towns scattered over the country.
  const towns: { lat: number; lng: number; weight: number; sdKm: number }[] = ANCHORS.map(([lat, lng, w]) => ({ lat, lng, weight: w * 40, sdKm: 12 }))
  for (let i = 0; i < 2500; i++) {
    let lat: number
    let lng: number
    if (rng.chance(0.45)) {
      const a = ANCHORS[rng.int(0, ANCHORS.length - 1)] as readonly [number, number, number]
      const p = offset({ lat: a[0], lng: a[1] }, rng.gaussian(0, 90), rng.gaussian(0, 90))
      lat = p.lat
      lng = p.lng
    } else if (rng.chance(0.9)) {
      lat = 21 + rng.next() * 24
      lng = 100 + rng.next() * 24
    } else {
      lat = 28 + rng.next() * 20
      lng = 75 + rng.next() * 25
    }
    towns.push({ lat: Math.min(53, Math.max(18, lat)), lng: Math.min(135, Math.max(74, lng)), weight: Math.min(40, 1 / Math.pow(1 - rng.next() * 0.999, 0.7)), sdKm: 1.5 + rng.next() * 4.5 })
  }
  const cum = cumulative(towns.map((t) => t.weight))
  const width = String(n).length
  const points: NationalPoint[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const town = towns[pickCumulative(cum, rng.next())] as (typeof towns)[number]
    const p = offset(town, rng.gaussian(0, town.sdKm), rng.gaussian(0, town.sdKm))
    const roll = rng.next()
    const type: FacilityType = roll < 0.1 ? 'institution' : roll < 0.75 ? 'daycare' : 'canteen'
    points[i] = {
      id: `nat-${String(i + 1).padStart(width, '0')}`,
      type,
      lat: round6(Math.min(53.6, Math.max(18, p.lat))),
      lng: round6(Math.min(135.1, Math.max(73.5, p.lng))),
      hours: templates[type],
    }
  }
  return points
}
