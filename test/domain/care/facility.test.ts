import {
  Facility,
  FacilityDetail,
  type FacilityInput,
  NearbyQuery,
  NearbyResponse,
  menuOn,
  toFacilityDetail,
  toNearbyResult,
} from '@/domain/care/facility'
import { buildFacilityIndex, searchNearby } from '@/domain/care/nearby'
import { allDayEveryDay } from '@/domain/care/openingHours'
import { facilityIdFor } from '../../../server/facilities/ids'

const lunchOnly = [{ open: '11:00', close: '13:30' }]

function canteen(overrides: Partial<FacilityInput> = {}): FacilityInput {
  const externalId = overrides.externalId ?? 'test-canteen-1'
  return {
    id: facilityIdFor(externalId),
    externalId,
    type: 'canteen',
    name: '小店区坞城街道老年助餐点',
    address: '山西省太原市小店区坞城路 100 号',
    cityCode: '140100',
    countyCode: '140105',
    lat: 37.7411,
    lng: 112.5732,
    phone: '0351-0123456',
    hours: { weekly: { 1: lunchOnly, 2: lunchOnly, 3: lunchOnly, 4: lunchOnly, 5: lunchOnly, 6: lunchOnly, 7: [] }, closedDates: ['2025-10-01'] },
    services: ['堂食'],
    meals: { lunch: { priceFen: 1500, elderPriceFen: 900 } },
    menu: [{ on: 1, lunch: ['过油肉', '米饭'] }, { on: '2025-07-01', lunch: ['刀削面'] }],
    accessibility: ['一楼就餐'],
    sample: true,
    updatedAt: '2025-06-30T08:00:00+08:00',
    ...overrides,
  }
}

const messages = (input: unknown) => {
  const r = Facility.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('Facility schema', () => {
  it('accepts a complete canteen and fills defaults', () => {
    const f = Facility.parse({ ...canteen(), services: undefined, accessibility: undefined })
    expect(f.services).toEqual([])
    expect(f.accessibility).toEqual([])
  })

  it('refuses coordinates outside Shanxi and recognises swapped ones', () => {
    expect(messages(canteen({ lat: 112.57, lng: 37.74 })).join()).toContain('纬度应在 -90 到 90 之间')
    expect(messages(canteen({ lat: 37.74, lng: 200 })).join()).toContain('经度应在 -180 到 180 之间')
    expect(messages(canteen({ lat: 31.23, lng: 121.47 })).join()).toContain('不在山西省范围内')
    expect(messages(canteen({ lat: 0, lng: 0 })).join()).toContain('不在山西省范围内')
  })

  it('refuses an unknown county and a county of another city', () => {
    expect(messages(canteen({ countyCode: '140199' })).join()).toContain('不是山西现行的县级行政区')
    expect(messages(canteen({ countyCode: '140202' })).join()).toContain('不是山西现行的县级行政区') // old 大同 城区
    expect(messages(canteen({ countyCode: '140213' })).join()).toContain('不属于市代码 140100')
  })

  it('refuses a canteen without meal prices, and an elder price above the full price', () => {
    expect(messages(canteen({ meals: undefined })).join()).toContain('助餐点至少要有一餐')
    expect(messages(canteen({ meals: {} })).join()).toContain('助餐点至少要有一餐')
    expect(messages(canteen({ meals: { lunch: { priceFen: 800, elderPriceFen: 900 } } }))).toEqual(['meals.lunch.elderPriceFen: 老年人价不应高于标准价'])
    expect(messages(canteen({ meals: { lunch: { priceFen: 15.5, elderPriceFen: 9 } } })).join()).toContain('以分计的整数')
  })

  it('refuses a bad phone, a missing name, a bad id and more free beds than beds', () => {
    expect(messages(canteen({ phone: '12345678' })).join()).toContain('电话应为')
    expect(messages(canteen({ name: '  ' }))).toEqual(['name: 请填写名称'])
    expect(messages(canteen({ id: 'not-a-uuid' }))).toEqual(['id: id 应为 UUID'])
    expect(messages(canteen({ type: 'institution', meals: undefined, beds: { total: 10, available: 11 } }))).toEqual(['beds.available: 空余床位不能多于总床位'])
    expect(messages(canteen({ type: 'hospital' as never })).join()).toContain('机构类型应为')
  })
})

describe('NearbyQuery', () => {
  const issues = (input: unknown) => {
    const r = NearbyQuery.safeParse(input)
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  }

  it('parses query-string values and applies defaults', () => {
    expect(NearbyQuery.parse({ lat: '37.74', lng: '112.57' })).toEqual({ lat: 37.74, lng: 112.57, types: ['canteen', 'daycare', 'institution'], radiusKm: 5, limit: 20 })
    expect(NearbyQuery.parse({ lat: 37.74, lng: 112.57, types: 'canteen,daycare', radiusKm: '50', limit: '50', openAt: '2025-06-30T12:00:00+08:00' })).toEqual({
      lat: 37.74, lng: 112.57, types: ['canteen', 'daycare'], radiusKm: 50, limit: 50, openAt: '2025-06-30T12:00:00+08:00',
    })
    expect(NearbyQuery.parse({ lat: '1', lng: '2', types: ['canteen', 'canteen', 'institution'] }).types).toEqual(['canteen', 'institution'])
    expect(NearbyQuery.parse({ lat: '1', lng: '2', types: '', radiusKm: '', limit: '', openAt: '' })).toMatchObject({ radiusKm: 5, limit: 20, types: ['canteen', 'daycare', 'institution'] })
    expect(NearbyQuery.parse({ lat: '1', lng: '2', openAt: '2025-06-30T12:00' }).openAt).toBe('2025-06-30T12:00')
  })

  it('answers bad parameters with paths and zh-CN messages', () => {
    expect(issues({ lng: '112' })).toEqual([{ path: 'lat', message: '请提供纬度 lat' }])
    expect(issues({ lat: 'abc', lng: '112' })).toEqual([{ path: 'lat', message: '纬度 lat 应为数字' }])
    expect(issues({ lat: '91', lng: '112' })).toEqual([{ path: 'lat', message: '纬度 lat 应在 -90 到 90 之间' }])
    expect(issues({ lat: '37', lng: '112', radiusKm: '51' })).toEqual([{ path: 'radiusKm', message: '搜索半径 radiusKm 最大 50 公里' }])
    expect(issues({ lat: '37', lng: '112', radiusKm: '0' })).toEqual([{ path: 'radiusKm', message: '搜索半径 radiusKm 应大于 0' }])
    expect(issues({ lat: '37', lng: '112', limit: '51' })).toEqual([{ path: 'limit', message: '数量 limit 最多 50' }])
    expect(issues({ lat: '37', lng: '112', limit: '2.5' })).toEqual([{ path: 'limit', message: '数量 limit 应为整数' }])
    expect(issues({ lat: '37', lng: '112', types: 'canteen,hospital' })[0]).toMatchObject({ path: 'types.1' })
    expect(issues({ lat: '37', lng: '112', openAt: 'tomorrow' })).toEqual([{ path: 'openAt', message: 'openAt 应为 ISO 8601 时间，如 2025-06-30T12:00:00+08:00' }])
    expect(issues({ lat: 'Infinity', lng: '112' })).toEqual([{ path: 'lat', message: '纬度 lat 应为数字' }])
  })
})

describe('projections', () => {
  const f = Facility.parse(canteen())

  it('makes a list row with rounded distance, open now and today’s hours', () => {
    const row = toNearbyResult(f, 1234.56, '2025-06-30T12:00:00+08:00')
    expect(row).toMatchObject({ id: f.id, name: f.name, distanceM: 1235, openNow: true, todayHours: '今日 11:00–13:30', sample: true })
    expect(row).not.toHaveProperty('externalId')
    expect(row).not.toHaveProperty('hours')
    expect(toNearbyResult(f, 0, '2025-07-06T12:00:00+08:00')).toMatchObject({ openNow: false, todayHours: '今日休息' })
  })

  it('picks today’s menu: a dated entry first, else the weekday’s', () => {
    expect(menuOn(f, '2025-06-30T12:00:00+08:00')).toEqual({ lunch: ['过油肉', '米饭'] })
    expect(menuOn(f, '2025-07-01T12:00:00+08:00')).toEqual({ lunch: ['刀削面'] })
    expect(menuOn(f, '2025-07-02T12:00:00+08:00')).toBeUndefined()
  })

  it('makes a detail with the week, upcoming closed dates and today’s menu', () => {
    const detail = toFacilityDetail(f, '2025-06-30T12:00:00+08:00')
    expect(FacilityDetail.parse(detail)).toEqual(detail)
    expect(detail.weekHours[6]).toEqual({ weekday: 7, label: '周日', text: '休息' })
    expect(detail.upcomingClosedDates).toEqual(['2025-10-01'])
    expect(toFacilityDetail(f, '2025-10-02T12:00:00+08:00').upcomingClosedDates).toEqual([])
    expect(detail.todayMenu).toEqual({ lunch: ['过油肉', '米饭'] })
    expect(detail.typeLabel).toBe('老年助餐点')
  })
})

describe('searchNearby', () => {
  const near = Facility.parse(canteen())
  const home = Facility.parse(canteen({ externalId: 'test-home', type: 'institution', name: '小店区社会福利院', lat: 37.75, meals: undefined, menu: undefined, hours: allDayEveryDay(), beds: { total: 100, available: 5 } }))
  const index = buildFacilityIndex([near, home])

  it('lists by distance with open-now for the current time', () => {
    const res = searchNearby(index, NearbyQuery.parse({ lat: '37.7411', lng: '112.5732' }), '2025-06-30T15:00:00+08:00')
    expect(NearbyResponse.parse(res)).toEqual(res)
    expect(res.at).toBe('2025-06-30T15:00:00+08:00')
    expect(res.items.map((i) => [i.name, i.distanceM, i.openNow])).toEqual([
      ['小店区坞城街道老年助餐点', 0, false],
      ['小店区社会福利院', 990, true],
    ])
  })

  it('keeps only places open at openAt, and describes that moment', () => {
    const res = searchNearby(index, NearbyQuery.parse({ lat: '37.7411', lng: '112.5732', openAt: '2025-07-06T12:00:00+08:00' }), '2025-06-30T15:00:00+08:00')
    expect(res.items.map((i) => i.name)).toEqual(['小店区社会福利院'])
    expect(res.at).toBe('2025-07-06T12:00:00+08:00')
  })
})
