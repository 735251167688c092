// The care finder's API on the sample data: nearby search, one facility, regions, and bad queries.
// Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { type Facility, FacilityDetail, NearbyResponse, RegionsResponse, SHANXI_COUNTIES, isOpenAt, linearNearest } from '@/domain/care'
import { SAMPLE_COUNTS, generateShanxiSample } from '../../server/facilities/sample'
import { ApiErrorBodySchema } from '@/domain/api'
import { countFacilities } from '../../server/facilities/repository'
import { seedSampleFacilitiesIfEmpty } from '../../server/facilities/seed'
import { dbKinds } from './helpers/databases'
import { startTestApp, type TestApp } from './helpers/app'

jest.setTimeout(120_000)

/** 太原市小店区's centre (src/domain/care/regions.ts). */
const XIAODIAN = { lat: 37.74, lng: 112.57 }
/** Monday 2 March 2026, 12:00 in Shanghai: lunch time. */
const MONDAY_NOON = new Date('2026-03-02T04:00:00Z')
const SAMPLE_TOTAL = SAMPLE_COUNTS.canteen + SAMPLE_COUNTS.daycare + SAMPLE_COUNTS.institution

function nearbyUrl(params: Record<string, string | number | readonly string[]>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    for (const each of Array.isArray(value) ? value : [value]) search.append(key, String(each))
  }
  return `/api/v1/facilities/nearby?${search.toString()}`
}

describe.each(dbKinds)('the care finder on %s', (kind) => {
  let t: TestApp
  let seeded: number
  let byId: Map<string, Facility>

  beforeAll(async () => {
    t = await startTestApp(kind)
    seeded = (await seedSampleFacilitiesIfEmpty(t.testDb.db)).seeded
    await t.app.facilities.refresh()
    byId = new Map((t.app.facilities.index?.items ?? []).map((f) => [f.id, f]))
  })
  afterAll(async () => {
    await t.close()
  })
  beforeEach(() => {
    t.clock.now = MONDAY_NOON
  })

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  describe('the sample data', () => {
    it('is seeded once, every facility marked as sample, and loads back exactly as generated', async () => {
      expect(seeded).toBe(SAMPLE_TOTAL)
      expect(await countFacilities(t.testDb.db)).toBe(SAMPLE_TOTAL)
      expect((await seedSampleFacilitiesIfEmpty(t.testDb.db)).seeded).toBe(0)
      expect(await countFacilities(t.testDb.db)).toBe(SAMPLE_TOTAL)

      expect(t.app.facilities.index?.size).toBe(SAMPLE_TOTAL)
      expect([...byId.values()].every((f) => f.sample)).toBe(true)
      const generated = generateShanxiSample()
      // Every 50th facility, field for field (coordinates to the last bit, hours, meals, menus).
      for (let i = 0; i < generated.length; i += 50) {
        const expected = generated[i] as Facility
        expect(byId.get(expected.id)).toEqual(expected)
      }
    })
  })

  describe('GET /api/v1/facilities/nearby', () => {
    it('lists the canteens nearest 小店区 centre first, with distance, open now and today\'s hours', async () => {
      const response = await get(nearbyUrl({ ...XIAODIAN, types: 'canteen' }))
      expect(response.statusCode).toBe(200)
      const body = NearbyResponse.parse(response.json())
      expect(body.at).toBe('2026-03-02T12:00:00+08:00')
      expect(body.radiusKm).toBe(5)
      expect(body.items).toHaveLength(20)

      const distances = body.items.map((item) => item.distanceM)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      for (const item of body.items) {
        expect(item.type).toBe('canteen')
        expect(item.sample).toBe(true)
        expect(item.distanceM).toBeLessThanOrEqual(5000)
        expect(item.meals?.lunch?.elderPriceFen).toEqual(expect.any(Number))
        const facility = byId.get(item.id) as Facility
        expect(item.openNow).toBe(isOpenAt(facility.hours, MONDAY_NOON))
        expect(item.todayHours).toMatch(/^今日(休息|\s*\d{2}:\d{2}–\d{2}:\d{2})/)
      }
      // At Monday noon most canteens serve lunch: both answers occur in the sample.
      expect(body.items.some((item) => item.openNow)).toBe(true)

      // The same answer as measuring every facility.
      const expected = linearNearest(t.app.facilities.index?.items ?? [], { ...XIAODIAN, types: ['canteen'], radiusKm: 5, limit: 20 })
      expect(body.items.map((item) => item.id)).toEqual(expected.map((hit) => hit.item.id))
      expect(distances).toEqual(expected.map((hit) => Math.round(hit.distanceM)))
    })

    it('lists every type when types is absent, and several types as a comma list or repeated', async () => {
      const all = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, limit: 50 }))).json())
      expect(new Set(all.items.map((item) => item.type))).toEqual(new Set(['canteen', 'daycare', 'institution']))

      const comma = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'daycare,institution', limit: 50 }))).json())
      const repeated = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: ['daycare', 'institution'], limit: 50 }))).json())
      expect(comma.items.length).toBeGreaterThan(0)
      expect(comma.items.every((item) => item.type !== 'canteen')).toBe(true)
      expect(repeated).toEqual(comma)
    })

    it('with openAt lists only the places open then, described at that moment', async () => {
      const evening = '2026-03-02T20:00:00+08:00'
      const response = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'canteen,institution', openAt: evening, limit: 50 }))).json())
      expect(response.at).toBe(evening)
      expect(response.items.length).toBeGreaterThan(0)
      for (const item of response.items) {
        expect(item.openNow).toBe(true)
        expect(isOpenAt((byId.get(item.id) as Facility).hours, evening)).toBe(true)
      }
      // Canteens close by 19:30 in the sample; the care institutions are open day and night.
      expect(response.items.every((item) => item.type === 'institution')).toBe(true)

      // Without an offset, openAt is Shanghai time.
      const local = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'canteen', openAt: '2026-03-02T12:00:00' }))).json())
      expect(local.at).toBe('2026-03-02T12:00:00+08:00')
      expect(local.items.length).toBeGreaterThan(0)
      expect(local.items.every((item) => item.openNow)).toBe(true)

      // A Sunday evening: the day-care centres are closed and none is listed.
      const sunday = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'daycare', openAt: '2026-03-01T20:00:00+08:00' }))).json())
      expect(sunday.items).toEqual([])
    })

    it('takes the largest radius and limit allowed, and widens the search when asked', async () => {
      const near = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'institution', radiusKm: 1, limit: 50 }))).json())
      const wide = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'institution', radiusKm: 50, limit: 50 }))).json())
      expect(wide.radiusKm).toBe(50)
      expect(wide.items).toHaveLength(50)
      expect(near.items.length).toBeLessThan(50)
      expect(near.items.every((item) => item.distanceM <= 1000)).toBe(true)
      expect(wide.items.slice(0, near.items.length)).toEqual(near.items)
    })

    it('answers an empty list far from any facility', async () => {
      const response = await get(nearbyUrl({ lat: 30.0, lng: 100.0, radiusKm: 50 }))
      expect(response.statusCode).toBe(200)
      expect(response.json().items).toEqual([])
    })

    it.each([
      ['lat above 90', { lat: 91, lng: 112.57 }, 'lat'],
      ['lat missing', { lng: 112.57 }, 'lat'],
      ['lng not a number', { lat: 37.74, lng: 'east' }, 'lng'],
      ['radiusKm 51', { ...XIAODIAN, radiusKm: 51 }, 'radiusKm'],
      ['radiusKm 0', { ...XIAODIAN, radiusKm: 0 }, 'radiusKm'],
      ['limit 0', { ...XIAODIAN, limit: 0 }, 'limit'],
      ['limit 51', { ...XIAODIAN, limit: 51 }, 'limit'],
      ['limit 2.5', { ...XIAODIAN, limit: 2.5 }, 'limit'],
      ['an unknown type', { ...XIAODIAN, types: 'canteen,hospital' }, 'types.1'],
      ['openAt not a time', { ...XIAODIAN, openAt: 'tomorrow noon' }, 'openAt'],
      ['openAt with a malformed offset', { ...XIAODIAN, openAt: '2026-03-02 12:00+0800x' }, 'openAt'],
    ])('refuses %s with 400 and the parameter at fault', async (_label, params, path) => {
      const response = await get(nearbyUrl(params))
      expect(response.statusCode).toBe(400)
      const body = ApiErrorBodySchema.parse(response.json())
      expect(body.error).toBe('invalid_request')
      expect(body.issues?.map((issue) => issue.path)).toContain(path)
      expect(body.issues?.every((issue) => issue.message.length > 0)).toBe(true)
    })

    it('reports every bad parameter at once', async () => {
      const response = await get(nearbyUrl({ lat: -91, lng: 181, radiusKm: 51, limit: 51 }))
      expect(response.statusCode).toBe(400)
      expect(response.json().issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['lat', 'limit', 'lng', 'radiusKm'])
    })
  })

  describe('GET /api/v1/facilities/:id', () => {
    it('gives a canteen\'s address, phone, week of hours, services, prices and today\'s state', async () => {
      const nearby = NearbyResponse.parse((await get(nearbyUrl({ ...XIAODIAN, types: 'canteen', limit: 1 }))).json())
      const first = nearby.items[0]
      expect(first).toBeDefined()
      const response = await get(`/api/v1/facilities/${first?.id}`)
      expect(response.statusCode).toBe(200)
      const detail = FacilityDetail.parse(response.json())
      const facility = byId.get(detail.id) as Facility
      expect(detail).toMatchObject({
        id: first?.id,
        externalId: facility.externalId,
        type: 'canteen',
        typeLabel: '老年助餐点',
        name: facility.name,
        address: facility.address,
        phone: facility.phone,
        meals: facility.meals,
        services: facility.services,
        sample: true,
        openNow: first?.openNow,
        todayHours: first?.todayHours,
        updatedAt: facility.updatedAt,
      })
      expect(detail.weekHours.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7])
    })

    it('gives a care institution\'s beds', async () => {
      const institution = [...byId.values()].find((f) => f.type === 'institution') as Facility
      const detail = FacilityDetail.parse((await get(`/api/v1/facilities/${institution.id}`)).json())
      expect(detail.typeLabel).toBe('养老机构')
      expect(detail.beds).toEqual(institution.beds)
      expect(detail.openNow).toBe(true)
    })

    it('accepts the id in capitals too', async () => {
      const id = [...byId.keys()][0] as string
      const response = await get(`/api/v1/facilities/${id.toUpperCase()}`)
      expect(response.statusCode).toBe(200)
      expect(response.json().id).toBe(id)
    })

    it.each([
      ['an unknown id', '3b241101-e2bb-4255-8caf-4136c566a962'],
      ['a malformed id', 'not-a-facility'],
      ['an id with a trailing character', `${'1'.repeat(8)}-1111-4111-8111-1111111111112`],
    ])('answers 404 with the error body for %s', async (_label, id) => {
      const response = await get(`/api/v1/facilities/${id}`)
      expect(response.statusCode).toBe(404)
      expect(ApiErrorBodySchema.parse(response.json())).toEqual({ error: 'facility_not_found', message: expect.any(String) })
    })
  })

  describe('GET /api/v1/regions', () => {
    it('lists the 11 cities and their 117 counties with codes, names and centres', async () => {
      const response = await get('/api/v1/regions')
      expect(response.statusCode).toBe(200)
      const body = RegionsResponse.parse(response.json())
      expect(body.province).toEqual({ code: '140000', name: '山西省' })
      expect(body.cities).toHaveLength(11)
      expect(body.cities.flatMap((city) => city.counties)).toHaveLength(SHANXI_COUNTIES.length)
      expect(SHANXI_COUNTIES).toHaveLength(117)
      const taiyuan = body.cities.find((city) => city.code === '140100')
      expect(taiyuan?.name).toBe('太原市')
      expect(taiyuan?.counties.find((county) => county.code === '140105')).toEqual({ code: '140105', name: '小店区', kind: 'district', centre: XIAODIAN })
    })

    it('may be cached for a day and revalidated with its ETag', async () => {
      const first = await get('/api/v1/regions')
      expect(first.headers['cache-control']).toBe('public, max-age=86400')
      const etag = first.headers.etag as string
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/)

      const again = await get('/api/v1/regions', { 'if-none-match': etag })
      expect(again.statusCode).toBe(304)
      expect(again.body).toBe('')
      expect(again.headers.etag).toBe(etag)

      const other = await get('/api/v1/regions', { 'if-none-match': '"something-else"' })
      expect(other.statusCode).toBe(200)
    })
  })

  describe('OpenAPI', () => {
    it('documents the three routes and the nearby query parameters', async () => {
      const doc = (await get('/api/v1/openapi.json')).json()
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/facilities/nearby', '/api/v1/facilities/{id}', '/api/v1/regions']))
      const parameters = doc.paths['/api/v1/facilities/nearby'].get.parameters as { name: string; in: string; required?: boolean }[]
      expect(parameters.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(['lat', 'limit', 'lng', 'openAt', 'radiusKm', 'types'])
      const required = parameters.filter((p) => p.required).map((p) => p.name)
      expect(required).toEqual(expect.arrayContaining(['lat', 'lng']))
      expect(required).not.toEqual(expect.arrayContaining(['radiusKm']))
      expect(required).not.toEqual(expect.arrayContaining(['limit']))
      expect(required).not.toEqual(expect.arrayContaining(['openAt']))
      expect(doc.paths['/api/v1/facilities/nearby'].get.responses['200']).toBeDefined()
      expect(doc.paths['/api/v1/facilities/{id}'].get.responses['404'] ?? doc.paths['/api/v1/facilities/{id}'].get.responses['4XX']).toBeDefined()
    })
  })
})
