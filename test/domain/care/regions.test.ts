import { RegionsResponse, SHANXI_BOUNDS, SHANXI_REGIONS, SHANXI_COUNTIES, findCounty, placeName, regionsResponse } from '@/domain/care/regions'

describe('Shanxi regions', () => {
  it('has the 11 prefecture-level cities with their codes', () => {
    expect(SHANXI_REGIONS.map((c) => `${c.code} ${c.name}`)).toEqual([
      '140100 太原市', '140200 大同市', '140300 阳泉市', '140400 长治市', '140500 晋城市', '140600 朔州市',
      '140700 晋中市', '140800 运城市', '140900 忻州市', '141000 临汾市', '141100 吕梁市',
    ])
  })

  it('has all 117 county-level divisions: 26 districts, 11 county-level cities, 80 counties', () => {
    expect(SHANXI_COUNTIES).toHaveLength(117)
    const kinds = SHANXI_COUNTIES.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {})
    expect(kinds).toEqual({ district: 26, city: 11, county: 80 })
  })

  it('gives every county a code that starts with its city code’s first 4 digits', () => {
    for (const city of SHANXI_REGIONS) {
      for (const county of city.counties) {
        expect(county.code).toMatch(/^\d{6}$/)
        expect(county.code.slice(0, 4)).toBe(city.code.slice(0, 4))
        expect(county.cityCode).toBe(city.code)
      }
    }
  })

  it('uses unique codes and unique names within a city', () => {
    const codes = [...SHANXI_REGIONS.map((c) => c.code), ...SHANXI_COUNTIES.map((c) => c.code)]
    expect(new Set(codes).size).toBe(codes.length)
    for (const city of SHANXI_REGIONS) expect(new Set(city.counties.map((c) => c.name)).size).toBe(city.counties.length)
  })

  it('places every centre inside Shanxi’s bounding box', () => {
    expect(SHANXI_BOUNDS).toEqual({ minLat: 34.5, maxLat: 40.8, minLng: 110.2, maxLng: 114.6 })
    for (const place of [...SHANXI_REGIONS, ...SHANXI_COUNTIES]) {
      expect(place.centre.lat).toBeGreaterThanOrEqual(34.5)
      expect(place.centre.lat).toBeLessThanOrEqual(40.8)
      expect(place.centre.lng).toBeGreaterThanOrEqual(110.2)
      expect(place.centre.lng).toBeLessThanOrEqual(114.6)
    }
  })

  it('knows the current divisions (after the 2018–2020 changes)', () => {
    const name = (code: string) => findCounty(code)?.name
    expect(['140105', '140106', '140107', '140108', '140109', '140110', '140121', '140122', '140123', '140181'].map(name)).toEqual([
      '小店区', '迎泽区', '杏花岭区', '尖草坪区', '万柏林区', '晋源区', '清徐县', '阳曲县', '娄烦县', '古交市',
    ])
    expect(name('140215')).toBe('云州区')
    expect(['140403', '140404', '140405', '140406'].map(name)).toEqual(['潞州区', '上党区', '屯留区', '潞城区'])
    expect(name('140703')).toBe('太谷区')
    expect(name('140681')).toBe('怀仁市')
    expect(name('140311')).toBe('郊区')
    expect(name('140581')).toBe('高平市')
    expect(name('140981')).toBe('原平市')
    expect([name('141081'), name('141082')]).toEqual(['侯马市', '霍州市'])
    expect([name('140881'), name('140882')]).toEqual(['永济市', '河津市'])
    expect([name('141181'), name('141182')]).toEqual(['孝义市', '汾阳市'])
    // Abolished codes are gone.
    for (const old of ['140202', '140203', '140211', '140221x', '140402', '140411', '140421', '140424', '140481', '140724x', '140726', '140624']) {
      expect(findCounty(old)).toBeUndefined()
    }
  })

  it('names a county as an address does, with its city', () => {
    expect(placeName('140105')).toBe('太原市小店区')
    expect(placeName('999999')).toBeUndefined()
  })

  it('answers GET /regions with a valid, population-free projection', () => {
    const body = regionsResponse()
    expect(RegionsResponse.parse(body)).toEqual(body)
    expect(body.cities).toHaveLength(11)
    expect(JSON.stringify(body)).not.toContain('population')
  })
})
