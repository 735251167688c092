import fc from 'fast-check'
import { distance as geokdbushDistance } from 'geokdbush'
import type { FacilityType } from '@/domain/care/facility'
import { FacilityIndex, type IndexedPoint, type NearestHit, distanceKm, linearNearest } from '@/domain/care/geo'
import { OpeningHours, allDayEveryDay } from '@/domain/care/openingHours'
import { generateNationalScale } from '../../../bench/nearby/nationalScale'

const TYPES: readonly FacilityType[] = ['canteen', 'daycare', 'institution']
const day = (open: string, close: string) => [{ open, close }]
const HOURS: readonly OpeningHours[] = [
  allDayEveryDay(),
  OpeningHours.parse({ weekly: { 1: day('11:00', '13:30'), 2: day('11:00', '13:30'), 3: day('11:00', '13:30'), 4: day('11:00', '13:30'), 5: day('11:00', '13:30'), 6: [], 7: [] } }),
  OpeningHours.parse({ weekly: { 1: [], 2: [], 3: [], 4: [], 5: day('20:00', '02:00'), 6: day('20:00', '02:00'), 7: [] }, closedDates: ['2025-07-05'] }),
]

const ids = (hits: readonly NearestHit<IndexedPoint>[]) => hits.map((h) => h.item.id)

describe('distance', () => {
  it('is the same number geokdbush orders by', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }),
        (lat1, lng1, lat2, lng2) => {
          expect(distanceKm(lat1, lng1, lat2, lng2)).toBe(geokdbushDistance(lng1, lat1, lng2, lat2))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('measures known distances', () => {
    const beijing = { lat: 39.9042, lng: 116.4074 }
    const shanghai = { lat: 31.2304, lng: 121.4737 }
    expect(distanceKm(beijing.lat, beijing.lng, shanghai.lat, shanghai.lng)).toBeCloseTo(1067.3, 0)
    // One degree of latitude on a 6371 km sphere.
    expect(distanceKm(37, 112, 38, 112) * 1000).toBeCloseTo(111_194.9, 0)
    expect(distanceKm(beijing.lat, beijing.lng, beijing.lat, beijing.lng)).toBe(0)
  })
})

// Random points around a small area, often sharing coordinates (facilities at one address), so
// that ties at the cut-off happen.
const pointsArb = fc
  .tuple(
    fc.array(fc.record({ lat: fc.double({ min: 37.5, max: 38.1, noNaN: true }), lng: fc.double({ min: 112.2, max: 112.9, noNaN: true }) }), { minLength: 1, maxLength: 8 }),
    fc.array(
      fc.record({
        at: fc.oneof(
          fc.record({ kind: fc.constant('shared' as const), index: fc.nat() }),
          fc.record({ kind: fc.constant('free' as const), lat: fc.double({ min: 37.5, max: 38.1, noNaN: true }), lng: fc.double({ min: 112.2, max: 112.9, noNaN: true }) }),
        ),
        type: fc.constantFrom(...TYPES),
        hours: fc.option(fc.constantFrom(...HOURS), { nil: undefined }),
        key: fc.string({ minLength: 1, maxLength: 4 }),
      }),
      { minLength: 0, maxLength: 400 },
    ),
  )
  .map(([addresses, raw]) =>
    raw.map((p, i): IndexedPoint => {
      const where = p.at.kind === 'shared' ? (addresses[p.at.index % addresses.length] as { lat: number; lng: number }) : p.at
      return { id: `${p.key}#${i}`, type: p.type, lat: where.lat, lng: where.lng, ...(p.hours ? { hours: p.hours } : {}) }
    }),
  )

const queryArb = fc.record({
  lat: fc.double({ min: 37.4, max: 38.2, noNaN: true }),
  lng: fc.double({ min: 112.1, max: 113, noNaN: true }),
  types: fc.subarray([...TYPES]),
  radiusKm: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0, 0.5, 5, 50)),
  limit: fc.integer({ min: 1, max: 50 }),
  openAt: fc.option(fc.integer({ min: Date.UTC(2025, 5, 29), max: Date.UTC(2025, 6, 8) }).map((ms) => new Date(ms).toISOString()), { nil: undefined }),
})

describe('FacilityIndex', () => {
  it('returns exactly what the brute-force scan returns (random points, queries, types, radii, limits, openAt)', () => {
    fc.assert(
      fc.property(pointsArb, fc.array(queryArb, { minLength: 1, maxLength: 10 }), fc.constantFrom(4, 16, 64), (points, queries, nodeSize) => {
        const index = new FacilityIndex(points, nodeSize)
        for (const q of queries) {
          const fromIndex = index.nearest(q)
          const fromScan = linearNearest(points, q)
          expect(ids(fromIndex)).toEqual(ids(fromScan))
          expect(fromIndex.map((h) => h.distanceKm)).toEqual(fromScan.map((h) => h.distanceKm))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('agrees with the scan on a clustered national-scale set', () => {
    const points = generateNationalScale(10_000, 7)
    const index = new FacilityIndex(points)
    fc.assert(
      fc.property(
        fc.nat({ max: points.length - 1 }), fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.subarray([...TYPES]), fc.double({ min: 0.1, max: 50, noNaN: true }), fc.integer({ min: 1, max: 50 }),
        (i, dLat, dLng, types, radiusKm, limit) => {
          const p = points[i] as IndexedPoint
          const q = { lat: p.lat + dLat, lng: p.lng + dLng, types, radiusKm, limit }
          expect(ids(index.nearest(q))).toEqual(ids(linearNearest(points, q)))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('breaks distance ties by id, even beyond the cut-off', () => {
    // 30 facilities at one address; ask for 5.
    const here = { lat: 37.75, lng: 112.55 }
    const points: IndexedPoint[] = Array.from({ length: 30 }, (_, i) => ({ id: `id-${String(29 - i).padStart(2, '0')}`, type: 'canteen', ...here }))
    points.push({ id: 'a-nearer', type: 'canteen', lat: 37.7501, lng: 112.55 })
    const index = new FacilityIndex(points)
    const q = { lat: here.lat, lng: here.lng, radiusKm: 1, limit: 5 }
    expect(ids(index.nearest(q))).toEqual(['id-00', 'id-01', 'id-02', 'id-03', 'id-04'])
    expect(ids(index.nearest(q))).toEqual(ids(linearNearest(points, q)))
  })

  it('includes a point exactly on the radius and filters by type and opening time', () => {
    const points: IndexedPoint[] = [
      { id: 'home', type: 'institution', lat: 37.8, lng: 112.5, hours: allDayEveryDay() },
      { id: 'lunch', type: 'canteen', lat: 37.81, lng: 112.5, hours: HOURS[1] as OpeningHours },
      { id: 'far', type: 'canteen', lat: 38.5, lng: 112.5, hours: allDayEveryDay() },
      { id: 'no-hours', type: 'daycare', lat: 37.8, lng: 112.51 },
    ]
    const index = new FacilityIndex(points)
    const edge = distanceKm(37.8, 112.5, 37.81, 112.5)
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: edge, limit: 10 }))).toEqual(['home', 'no-hours', 'lunch'])
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: edge * 0.999999, limit: 10 }))).toEqual(['home', 'no-hours'])
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: 50, limit: 10, types: ['canteen'] }))).toEqual(['lunch'])
    // Monday 12:00 in Shanghai: the canteen is open; the day-care centre has no hours, so it is not "open".
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: 50, limit: 10, openAt: '2025-06-30T04:00:00Z' }))).toEqual(['home', 'lunch'])
    // Monday 14:00: only the care home.
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: 50, limit: 10, openAt: '2025-06-30T14:00:00+08:00' }))).toEqual(['home'])
    expect(index.get('lunch')?.type).toBe('canteen')
    expect(index.size).toBe(4)
  })

  it('handles an empty index, radius 0 and a limit of 0', () => {
    expect(new FacilityIndex([]).nearest({ lat: 37.8, lng: 112.5, radiusKm: 50, limit: 10 })).toEqual([])
    const index = new FacilityIndex<IndexedPoint>([{ id: 'x', type: 'daycare', lat: 37.8, lng: 112.5 }])
    expect(ids(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: 0, limit: 10 }))).toEqual(['x'])
    expect(index.nearest({ lat: 37.8, lng: 112.5, radiusKm: 10, limit: 0 })).toEqual([])
  })
})
