import { z } from 'zod'
import { SHANXI_CITIES, type CityCode } from '../cities'

/**
 * Shanxi's 11 prefecture-level cities and all 117 county-level divisions (26 市辖区, 11 县级市,
 * 80 县) with their official 6-digit codes (GB/T 2260, as in force since the 2019–2020 changes:
 * 大同 平城区/云冈区/云州区, 长治 潞州区/上党区/屯留区/潞城区, 晋中 太谷区, 朔州 怀仁市).
 *
 * Centres are APPROXIMATE: roughly the seat of each government, given to about 0.01° (≈ 1 km),
 * good enough to centre a map or a "nearby" search when a person chooses a place instead of
 * sharing their location. They are not survey data; GCJ-02 and WGS-84 differ here by a few
 * hundred metres, which is below this precision.
 *
 * `population` is a rough resident count in units of 10,000 (万人, after the 2020 census),
 * used only to weight where generated sample facilities go.
 */

export type CountyKind = 'district' | 'county' | 'city'

export interface LatLng {
  lat: number
  lng: number
}

export interface County {
  code: string
  name: string
  kind: CountyKind
  cityCode: CityCode
  centre: LatLng
  /** Rough population, 万人 (for weighting sample data only). */
  population: number
}

export interface City {
  code: CityCode
  name: string
  /** Telephone area code (长途区号). */
  areaCode: string
  centre: LatLng
  counties: readonly County[]
}

/** Shanxi's extent with a small margin: 34°34′–40°44′ N, 110°14′–114°33′ E. */
export const SHANXI_BOUNDS = { minLat: 34.5, maxLat: 40.8, minLng: 110.2, maxLng: 114.6 } as const

export const SHANXI_CODE = '140000'

type Row = readonly [code: string, name: string, lat: number, lng: number, population: number]

interface CityRow {
  areaCode: string
  centre: readonly [lat: number, lng: number]
  counties: readonly Row[]
}

// Keyed by city code: TypeScript holds this to exactly the 11 cities of ../cities, which names them.
const DATA: Record<CityCode, CityRow> = {
  '140100': {
    areaCode: '0351', centre: [37.87, 112.55],
    counties: [
      ['140105', '小店区', 37.74, 112.57, 119],
      ['140106', '迎泽区', 37.86, 112.56, 61],
      ['140107', '杏花岭区', 37.89, 112.57, 76],
      ['140108', '尖草坪区', 37.94, 112.49, 57],
      ['140109', '万柏林区', 37.86, 112.52, 86],
      ['140110', '晋源区', 37.72, 112.48, 28],
      ['140121', '清徐县', 37.61, 112.36, 34],
      ['140122', '阳曲县', 38.06, 112.67, 13],
      ['140123', '娄烦县', 38.07, 111.79, 9],
      ['140181', '古交市', 37.91, 112.17, 20],
    ],
  },
  '140200': {
    areaCode: '0352', centre: [40.08, 113.30],
    counties: [
      ['140212', '新荣区', 40.26, 113.14, 9],
      ['140213', '平城区', 40.08, 113.30, 105],
      ['140214', '云冈区', 40.03, 113.16, 58],
      ['140215', '云州区', 40.04, 113.61, 16],
      ['140221', '阳高县', 40.36, 113.75, 23],
      ['140222', '天镇县', 40.42, 114.09, 18],
      ['140223', '广灵县', 39.76, 114.28, 17],
      ['140224', '灵丘县', 39.44, 114.23, 22],
      ['140225', '浑源县', 39.70, 113.70, 29],
      ['140226', '左云县', 40.01, 112.70, 12],
    ],
  },
  '140300': {
    areaCode: '0353', centre: [37.86, 113.58],
    counties: [
      ['140302', '城区', 37.85, 113.60, 33],
      ['140303', '矿区', 37.87, 113.56, 23],
      ['140311', '郊区', 37.94, 113.59, 29],
      ['140321', '平定县', 37.79, 113.63, 31],
      ['140322', '盂县', 38.09, 113.41, 29],
    ],
  },
  '140400': {
    areaCode: '0355', centre: [36.20, 113.12],
    counties: [
      ['140403', '潞州区', 36.20, 113.12, 91],
      ['140404', '上党区', 36.05, 113.05, 33],
      ['140405', '屯留区', 36.32, 112.89, 25],
      ['140406', '潞城区', 36.33, 113.23, 22],
      ['140423', '襄垣县', 36.54, 113.05, 25],
      ['140425', '平顺县', 36.20, 113.44, 13],
      ['140426', '黎城县', 36.50, 113.39, 14],
      ['140427', '壶关县', 36.12, 113.21, 26],
      ['140428', '长子县', 36.12, 112.88, 33],
      ['140429', '武乡县', 36.84, 112.86, 16],
      ['140430', '沁县', 36.76, 112.70, 13],
      ['140431', '沁源县', 36.50, 112.34, 14],
    ],
  },
  '140500': {
    areaCode: '0356', centre: [35.49, 112.85],
    counties: [
      ['140502', '城区', 35.50, 112.85, 56],
      ['140521', '沁水县', 35.69, 112.19, 19],
      ['140522', '阳城县', 35.49, 112.41, 36],
      ['140524', '陵川县', 35.78, 113.28, 21],
      ['140525', '泽州县', 35.42, 112.87, 46],
      ['140581', '高平市', 35.80, 112.92, 46],
    ],
  },
  '140600': {
    areaCode: '0349', centre: [39.33, 112.43],
    counties: [
      ['140602', '朔城区', 39.32, 112.43, 54],
      ['140603', '平鲁区', 39.51, 112.29, 17],
      ['140621', '山阴县', 39.53, 112.82, 22],
      ['140622', '应县', 39.55, 113.19, 30],
      ['140623', '右玉县', 39.99, 112.47, 10],
      ['140681', '怀仁市', 39.83, 113.10, 36],
    ],
  },
  '140700': {
    areaCode: '0354', centre: [37.69, 112.75],
    counties: [
      ['140702', '榆次区', 37.70, 112.71, 87],
      ['140703', '太谷区', 37.42, 112.55, 30],
      ['140721', '榆社县', 37.07, 112.98, 11],
      ['140722', '左权县', 37.08, 113.38, 14],
      ['140723', '和顺县', 37.33, 113.57, 13],
      ['140724', '昔阳县', 37.61, 113.71, 20],
      ['140725', '寿阳县', 37.89, 113.18, 20],
      ['140727', '祁县', 37.36, 112.34, 25],
      ['140728', '平遥县', 37.19, 112.18, 45],
      ['140729', '灵石县', 36.85, 111.78, 25],
      ['140781', '介休市', 37.03, 111.92, 40],
    ],
  },
  '140800': {
    areaCode: '0359', centre: [35.03, 111.00],
    counties: [
      ['140802', '盐湖区', 35.02, 111.00, 70],
      ['140821', '临猗县', 35.14, 110.77, 50],
      ['140822', '万荣县', 35.42, 110.84, 38],
      ['140823', '闻喜县', 35.36, 111.22, 36],
      ['140824', '稷山县', 35.60, 110.98, 32],
      ['140825', '新绛县', 35.62, 111.22, 31],
      ['140826', '绛县', 35.49, 111.57, 25],
      ['140827', '垣曲县', 35.30, 111.67, 20],
      ['140828', '夏县', 35.14, 111.22, 31],
      ['140829', '平陆县', 34.84, 111.22, 22],
      ['140830', '芮城县', 34.69, 110.69, 37],
      ['140881', '永济市', 34.87, 110.45, 41],
      ['140882', '河津市', 35.60, 110.71, 38],
    ],
  },
  '140900': {
    areaCode: '0350', centre: [38.42, 112.73],
    counties: [
      ['140902', '忻府区', 38.42, 112.74, 58],
      ['140921', '定襄县', 38.47, 112.96, 20],
      ['140922', '五台县', 38.73, 113.25, 26],
      ['140923', '代县', 39.07, 112.96, 19],
      ['140924', '繁峙县', 39.19, 113.27, 23],
      ['140925', '宁武县', 39.00, 112.30, 15],
      ['140926', '静乐县', 38.36, 111.94, 14],
      ['140927', '神池县', 39.09, 112.21, 9],
      ['140928', '五寨县', 38.91, 111.85, 10],
      ['140929', '岢岚县', 38.70, 111.57, 8],
      ['140930', '河曲县', 39.38, 111.14, 13],
      ['140931', '保德县', 39.02, 111.09, 15],
      ['140932', '偏关县', 39.44, 111.51, 8],
      ['140981', '原平市', 38.73, 112.71, 44],
    ],
  },
  '141000': {
    areaCode: '0357', centre: [36.09, 111.52],
    counties: [
      ['141002', '尧都区', 36.08, 111.52, 95],
      ['141021', '曲沃县', 35.64, 111.48, 22],
      ['141022', '翼城县', 35.74, 111.72, 30],
      ['141023', '襄汾县', 35.88, 111.44, 40],
      ['141024', '洪洞县', 36.25, 111.67, 70],
      ['141025', '古县', 36.27, 111.92, 8],
      ['141026', '安泽县', 36.15, 112.25, 8],
      ['141027', '浮山县', 35.97, 111.85, 11],
      ['141028', '吉县', 36.10, 110.68, 9],
      ['141029', '乡宁县', 35.97, 110.85, 20],
      ['141030', '大宁县', 36.47, 110.75, 6],
      ['141031', '隰县', 36.69, 110.94, 10],
      ['141032', '永和县', 36.76, 110.63, 6],
      ['141033', '蒲县', 36.41, 111.10, 10],
      ['141034', '汾西县', 36.65, 111.57, 13],
      ['141081', '侯马市', 35.62, 111.37, 24],
      ['141082', '霍州市', 36.57, 111.75, 28],
    ],
  },
  '141100': {
    areaCode: '0358', centre: [37.52, 111.14],
    counties: [
      ['141102', '离石区', 37.52, 111.15, 45],
      ['141121', '文水县', 37.44, 112.03, 38],
      ['141122', '交城县', 37.55, 112.16, 23],
      ['141123', '兴县', 38.46, 111.13, 26],
      ['141124', '临县', 37.95, 110.99, 50],
      ['141125', '柳林县', 37.43, 110.89, 31],
      ['141126', '石楼县', 37.00, 110.83, 11],
      ['141127', '岚县', 38.28, 111.67, 16],
      ['141128', '方山县', 37.89, 111.24, 13],
      ['141129', '中阳县', 37.34, 111.18, 14],
      ['141130', '交口县', 36.98, 111.18, 10],
      ['141181', '孝义市', 37.15, 111.78, 48],
      ['141182', '汾阳市', 37.26, 111.79, 41],
    ],
  },
}

function kindOf(name: string): CountyKind {
  if (name.endsWith('区')) return 'district'
  if (name.endsWith('市')) return 'city'
  return 'county'
}

/** The 11 cities of ../cities, in the order of their codes, each with its centre and counties. */
export const SHANXI_REGIONS: readonly City[] = SHANXI_CITIES.map(({ code: cityCode, name: cityName }) => {
  const city = DATA[cityCode]
  return {
    code: cityCode,
    name: cityName,
    areaCode: city.areaCode,
    centre: { lat: city.centre[0], lng: city.centre[1] },
    counties: city.counties.map(([code, name, lat, lng, population]) => ({
      code,
      name,
      kind: kindOf(name),
      cityCode,
      centre: { lat, lng },
      population,
    })),
  }
})

/** All 117 county-level divisions. */
export const SHANXI_COUNTIES: readonly County[] = SHANXI_REGIONS.flatMap((city) => city.counties)

const cityByCode = new Map(SHANXI_REGIONS.map((city) => [city.code, city]))
const countyByCode = new Map(SHANXI_COUNTIES.map((county) => [county.code, county]))

export function findCity(code: string): City | undefined {
  return cityByCode.get(code as CityCode)
}

export function findCounty(code: string): County | undefined {
  return countyByCode.get(code)
}

/** "太原市小店区", the way an address names a place. */
export function placeName(countyCode: string): string | undefined {
  const county = countyByCode.get(countyCode)
  const city = county ? cityByCode.get(county.cityCode) : undefined
  return county && city ? `${city.name}${county.name}` : undefined
}

export function isInShanxiBounds(point: LatLng): boolean {
  return (
    point.lat >= SHANXI_BOUNDS.minLat &&
    point.lat <= SHANXI_BOUNDS.maxLat &&
    point.lng >= SHANXI_BOUNDS.minLng &&
    point.lng <= SHANXI_BOUNDS.maxLng
  )
}

// ---- The `GET /regions` response ----

export const RegionCentre = z.object({ lat: z.number(), lng: z.number() })

export const RegionCounty = z.object({
  code: z.string().regex(/^14\d{4}$/),
  name: z.string(),
  kind: z.enum(['district', 'county', 'city']),
  centre: RegionCentre,
})
export type RegionCounty = z.infer<typeof RegionCounty>

export const RegionCity = z.object({
  code: z.string().regex(/^14\d{2}00$/),
  name: z.string(),
  centre: RegionCentre,
  counties: z.array(RegionCounty),
})
export type RegionCity = z.infer<typeof RegionCity>

export const RegionsResponse = z.object({
  province: z.object({ code: z.literal(SHANXI_CODE), name: z.literal('山西省') }),
  /** Centres are approximate (about 1 km), for centring a search. */
  approximateCentres: z.literal(true),
  cities: z.array(RegionCity),
})
export type RegionsResponse = z.infer<typeof RegionsResponse>

/** The public projection served by `GET /regions` (no population weights). */
export function regionsResponse(): RegionsResponse {
  return {
    province: { code: SHANXI_CODE, name: '山西省' },
    approximateCentres: true,
    cities: SHANXI_REGIONS.map((city) => ({
      code: city.code,
      name: city.name,
      centre: { ...city.centre },
      counties: city.counties.map((county) => ({
        code: county.code,
        name: county.name,
        kind: county.kind,
        centre: { ...county.centre },
      })),
    })),
  }
}
