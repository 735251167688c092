/** Shanxi's 11 prefecture-level cities (山西省地级市), by administrative division code. */
export const SHANXI_CITIES = [
  { code: '140100', name: '太原市' },
  { code: '140200', name: '大同市' },
  { code: '140300', name: '阳泉市' },
  { code: '140400', name: '长治市' },
  { code: '140500', name: '晋城市' },
  { code: '140600', name: '朔州市' },
  { code: '140700', name: '晋中市' },
  { code: '140800', name: '运城市' },
  { code: '140900', name: '忻州市' },
  { code: '141000', name: '临汾市' },
  { code: '141100', name: '吕梁市' },
] as const

export type CityCode = (typeof SHANXI_CITIES)[number]['code']

export const CITY_CODES = SHANXI_CITIES.map((city) => city.code) as [CityCode, ...CityCode[]]

/** The city's zh-CN name, e.g. 太原市 for 140100. */
export function cityName(code: CityCode): string {
  return SHANXI_CITIES.find((city) => city.code === code)?.name ?? code
}
