import { Facility } from '@/domain/care/facility'
import { FacilityIndex } from '@/domain/care/geo'
import { isOpenAt } from '@/domain/care/openingHours'
import { findCity, findCounty, SHANXI_COUNTIES } from '@/domain/care/regions'
import { SAMPLE_COUNTS, generateShanxiSample } from '../../server/facilities/sample'
import { generateNationalScale } from '../../bench/nearby/nationalScale'

describe('Shanxi sample data', () => {
  const facilities = generateShanxiSample()

  it('has the province’s scale: 1,291 institutions, 9,721 day-care facilities, 3,000 canteens', () => {
    expect(SAMPLE_COUNTS).toEqual({ institution: 1291, daycare: 9721, canteen: 3000 })
    const count = (type: string) => facilities.filter((f) => f.type === type).length
    expect([count('institution'), count('daycare'), count('canteen')]).toEqual([1291, 9721, 3000])
  })

  it('is deterministic', () => {
    const again = generateShanxiSample()
    expect(JSON.stringify(again)).toBe(JSON.stringify(facilities))
    expect(generateShanxiSample({ seed: 2, counts: { institution: 5, daycare: 5, canteen: 5 } })).not.toEqual(
      generateShanxiSample({ seed: 3, counts: { institution: 5, daycare: 5, canteen: 5 } }),
    )
  })

  it('passes the Facility schema, every record marked as sample with a stable external id', () => {
    const invalid = facilities.flatMap((f) => {
      const parsed = Facility.safeParse(f)
      return parsed.success ? [] : [`${f.externalId}: ${parsed.error.message}`]
    })
    expect(invalid).toEqual([])
    expect(facilities.every((f) => f.sample)).toBe(true)
    expect(facilities.every((f) => /^sample-(canteen|daycare|institution)-\d+$/.test(f.externalId))).toBe(true)
    expect(new Set(facilities.map((f) => f.externalId)).size).toBe(facilities.length)
    expect(new Set(facilities.map((f) => f.id)).size).toBe(facilities.length)
  })

  it('covers every county, with a welfare home in each, near the county centre', () => {
    const counties = new Set(facilities.map((f) => f.countyCode))
    expect(counties.size).toBe(SHANXI_COUNTIES.length)
    const problems: string[] = []
    for (const county of SHANXI_COUNTIES) {
      const here = facilities.filter((f) => f.countyCode === county.code)
      if (!here.some((f) => f.name === `${county.name}社会福利院`)) problems.push(`${county.name}: no welfare home`)
      if (here.filter((f) => f.type === 'canteen').length < 2) problems.push(`${county.name}: fewer than 2 canteens`)
      for (const f of here) {
        if (Math.abs(f.lat - county.centre.lat) >= 0.4 || Math.abs(f.lng - county.centre.lng) >= 0.4) problems.push(`${f.externalId}: far from ${county.name}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('uses city area codes with a never-assigned local number, and realistic names and addresses', () => {
    const problems = facilities.filter((f) => {
      const city = findCity(f.cityCode)
      const phoneOk = new RegExp(`^${city?.areaCode}-0\\d{6}$`).test(f.phone ?? '')
      return !phoneOk || !f.address.startsWith(`山西省${city?.name}${findCounty(f.countyCode)?.name}`)
    })
    expect(problems).toEqual([])
    const names = facilities.filter((f) => f.countyCode === '140105' && f.type === 'canteen').map((f) => f.name)
    expect(names.some((n) => /^小店区.+街道老年助餐点$/.test(n))).toBe(true)
    // Names are unique within a county.
    const keys = facilities.map((f) => `${f.countyCode} ${f.name}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('gives canteens meal windows and subsidised prices, and care homes 24-hour care', () => {
    const canteens = facilities.filter((f) => f.type === 'canteen')
    const badPrices = canteens.filter((c) => {
      const lunch = c.meals?.lunch
      return !lunch || !Number.isInteger(lunch.priceFen) || lunch.elderPriceFen >= lunch.priceFen || lunch.priceFen < 1200 || lunch.priceFen > 1800
    })
    expect(badPrices).toEqual([])
    // Some canteens close on Sundays; every one serves lunch on Monday.
    expect(canteens.some((c) => c.hours.weekly[7].length === 0)).toBe(true)
    expect(canteens.every((c) => c.hours.weekly[1].some((iv) => iv.open <= '11:30' && iv.close >= '13:00'))).toBe(true)
    const homes = facilities.filter((f) => f.type === 'institution')
    expect(homes.filter((home) => !isOpenAt(home.hours, '2025-07-06T03:00:00+08:00') || !((home.beds?.total ?? 0) > 0))).toEqual([])
  })

  it('finds canteens near 小店区’s centre, open at Monday lunch', () => {
    const index = new FacilityIndex(facilities)
    const centre = findCounty('140105')?.centre ?? { lat: 0, lng: 0 }
    const hits = index.nearest({ ...centre, types: ['canteen'], radiusKm: 5, limit: 20, openAt: '2025-06-30T12:00:00+08:00' })
    expect(hits.length).toBe(20)
    expect(hits.every((h) => h.item.type === 'canteen')).toBe(true)
  })
})

describe('national-scale points', () => {
  it('spreads n deterministic points over China’s extent with unique ordered ids', () => {
    const points = generateNationalScale(50_000, 42)
    expect(points).toHaveLength(50_000)
    expect(generateNationalScale(1000, 42)).toEqual(generateNationalScale(1000, 42))
    expect(points[0]?.id).toBe('nat-00001')
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length)
    expect(points.filter((p) => p.lat < 18 || p.lat > 53.6 || p.lng < 73.5 || p.lng > 135.1)).toEqual([])
    const types = new Set(points.map((p) => p.type))
    expect(types).toEqual(new Set(['canteen', 'daycare', 'institution']))
  })
})
