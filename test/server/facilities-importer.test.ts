import { facilityIdFor } from '../../server/facilities/ids'
import { CSV_COLUMNS, importFacilitiesCsv, importFacilitiesGeoJson, parseHoursText, yuanToFen } from '../../server/facilities/importer'

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>

const good: Row = {
  externalId: 'ty-xd-001',
  type: 'canteen',
  name: '小店区坞城街道老年助餐点',
  address: '山西省太原市小店区坞城路 100 号，社区服务中心一层',
  countyCode: '140105',
  lat: '37.7411',
  lng: '112.5732',
  phone: '0351-7654321',
  hours: '1-5 06:30-09:00,11:00-13:30; 6 11:00-13:30',
  closedDates: '2026-02-16;2026-02-17',
  services: '堂食、送餐上门',
  lunchPrice: '15',
  lunchElderPrice: '8.50',
  accessibility: '一楼就餐|有无障碍卫生间',
  updatedAt: '2025-06-01T09:00:00+08:00',
}

/** A cell as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
const cell = (value: string) => (/[,"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

function csv(rows: Row[], columns: readonly string[] = CSV_COLUMNS): string {
  const lines = [columns as string[], ...rows.map((r) => columns.map((c) => r[c as keyof Row] ?? ''))]
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n'
}

const options = { importedAt: '2025-07-01T10:00:00+08:00' }

describe('importing CSV', () => {
  it('accepts a good row and builds the facility', () => {
    const result = importFacilitiesCsv(csv([good]), options)
    expect(result.refused).toEqual([])
    expect(result.accepted).toHaveLength(1)
    const f = result.accepted[0]
    expect(f).toMatchObject({
      id: facilityIdFor('ty-xd-001'),
      cityCode: '140100',
      lat: 37.7411,
      address: '山西省太原市小店区坞城路 100 号，社区服务中心一层',
      services: ['堂食', '送餐上门'],
      meals: { lunch: { priceFen: 1500, elderPriceFen: 850 } },
      accessibility: ['一楼就餐', '有无障碍卫生间'],
      sample: false,
      updatedAt: '2025-06-01T09:00:00+08:00',
    })
    expect(f?.hours.weekly[1]).toEqual([{ open: '06:30', close: '09:00' }, { open: '11:00', close: '13:30' }])
    expect(f?.hours.weekly[7]).toEqual([])
    expect(f?.hours.closedDates).toEqual(['2026-02-16', '2026-02-17'])
  })

  it('refuses each bad row with its reasons, and drops none silently', () => {
    const rows: Row[] = [
      good,
      { ...good, externalId: 'bad-coords', lat: '112.57', lng: '37.74' },
      { ...good, externalId: 'outside', lat: '31.23', lng: '121.47' },
      { ...good, externalId: 'not-a-number', lat: '37,74' },
      { ...good, externalId: 'unknown-type', type: '医院' },
      { ...good, externalId: 'no-name', name: '' },
      { ...good, externalId: 'bad-hours', hours: '1-5 8点到12点' },
      { ...good, externalId: 'overlap', hours: '1 08:00-12:00,11:00-14:00' },
      { ...good, externalId: 'twice', hours: '1-5 08:00-12:00; 5 14:00-17:00' },
      { ...good, externalId: 'dup' },
      { ...good, externalId: 'dup', name: '另一个' },
      { ...good, externalId: 'bad-price', lunchPrice: '15.555' },
      { ...good, externalId: 'half-price', lunchElderPrice: '' },
      { ...good, externalId: 'no-meals', lunchPrice: '', lunchElderPrice: '' },
      { ...good, externalId: 'bad-county', countyCode: '140202' },
      { ...good, externalId: '', name: '没有编号' },
    ]
    const result = importFacilitiesCsv(csv(rows), options)
    expect(result.accepted.map((f) => f.externalId)).toEqual(['ty-xd-001'])
    expect(result.accepted.length + result.refused.length).toBe(rows.length)
    const reasons = Object.fromEntries(result.refused.map((r) => [r.externalId ?? `row ${r.row}`, r.reasons.join(' / ')]))
    expect(reasons['bad-coords']).toContain('纬度应在 -90 到 90 之间')
    expect(reasons.outside).toContain('不在山西省范围内')
    expect(reasons['not-a-number']).toContain('lat：“37,74”不是数字')
    expect(reasons['unknown-type']).toContain('未知的机构类型“医院”')
    expect(reasons['no-name']).toContain('name：请填写名称')
    expect(reasons['bad-hours']).toContain('时段“8点到12点”应写成 HH:mm-HH:mm')
    expect(reasons.overlap).toContain('重叠')
    expect(reasons.twice).toContain('星期 5 出现了不止一次')
    expect(reasons['bad-price']).toContain('lunchPrice：“15.555”应为元')
    expect(reasons['half-price']).toContain('标准价和老年人价要一起填写')
    expect(reasons['no-meals']).toContain('助餐点至少要有一餐')
    expect(reasons['bad-county']).toContain('不是山西现行的县级行政区')
    expect(reasons['row 17']).toContain('请填写 externalId')
    // Both rows with the same externalId are refused, each pointing at the other.
    expect(result.refused.filter((r) => r.externalId === 'dup').map((r) => [r.row, r.reasons])).toEqual([
      [11, ['externalId：“dup”重复出现在第 12 行（同一 externalId 只能有一行）']],
      [12, ['externalId：“dup”重复出现在第 11 行（同一 externalId 只能有一行）']],
    ])
    // Row numbers follow the spreadsheet (header = row 1) and come out in order.
    expect(result.refused.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
  })

  it('reads quoted cells with commas and line breaks, Chinese type names and yuan prices', () => {
    const text = [
      'externalId,type,name,address,countyCode,lat,lng,hours,bedsTotal,bedsAvailable,sample',
      'yz-01,养老机构,"迎泽区""康乐""老年公寓","山西省太原市迎泽区,\n双塔寺街 8 号",140106,37.85,112.58,1-7 24小时,120,7,是',
    ].join('\r\n')
    const result = importFacilitiesCsv(text, options)
    expect(result.refused).toEqual([])
    expect(result.accepted[0]).toMatchObject({
      type: 'institution',
      name: '迎泽区"康乐"老年公寓',
      address: '山西省太原市迎泽区,\n双塔寺街 8 号',
      beds: { total: 120, available: 7 },
      sample: true,
      updatedAt: '2025-07-01T10:00:00+08:00',
    })
    expect(result.accepted[0]?.hours.weekly[3]).toEqual([{ open: '00:00', close: '24:00' }])
    // As Excel saves it: a byte-order mark first.
    expect(importFacilitiesCsv(`\uFEFF${text}`, options).accepted).toEqual(result.accepted)
  })

  it('refuses a row with the wrong number of cells, skips and lists blank rows, warns about unknown columns', () => {
    const header = [...CSV_COLUMNS, 'remark'].join(',')
    const line = (r: Row, extra = '') => [...CSV_COLUMNS.map((c) => r[c] ?? ''), extra].map(cell).join(',')
    const text = [header, line(good, '备注'), ',,,', '', 'x-1,canteen,少一列'].join('\n')
    const result = importFacilitiesCsv(text, options)
    expect(result.accepted).toHaveLength(1)
    expect(result.blankRows).toEqual([3, 4])
    expect(result.refused).toEqual([{ row: 5, externalId: 'x-1', reasons: [expect.stringContaining('这一行有 3 列，表头有 24 列')] }])
    expect(result.warnings).toEqual(['忽略了未知的列：remark'])
  })

  it('refuses every row when a required column is missing', () => {
    const result = importFacilitiesCsv(csv([good, good], CSV_COLUMNS.filter((c) => c !== 'hours')), options)
    expect(result.accepted).toEqual([])
    expect(result.refused).toEqual([
      { row: 1, reasons: ['表头缺少必需的列：hours'] },
      { row: 2, reasons: ['表头有误，本行未导入'] },
      { row: 3, reasons: ['表头有误，本行未导入'] },
    ])
  })

  it('keeps the rows before an unterminated quote and refuses the rest', () => {
    const text = csv([good]) + 'late,canteen,"never closed\n'
    const result = importFacilitiesCsv(text, options)
    expect(result.accepted).toHaveLength(1)
    expect(result.refused).toEqual([{ row: 3, reasons: [expect.stringContaining('引号没有闭合')] }])
  })

  it('refuses an empty file', () => {
    expect(importFacilitiesCsv('', options).refused).toEqual([{ row: 0, reasons: [expect.stringContaining('文件是空的')] }])
  })
})

describe('cell formats', () => {
  it('converts yuan to fen exactly', () => {
    expect(['0', '8', '8.5', '8.50', '15.05', '0.1', '999999.99'].map(yuanToFen)).toEqual([0, 800, 850, 850, 1505, 10, 99999999])
    expect(['', '-1', '1.234', '1,5', '¥15', '1e3'].map(yuanToFen)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
  })

  it('reads the compact hours text', () => {
    const parsed = parseHoursText('1-5 7:00-9:00, 11:00–13:30；6-7 休息')
    expect(parsed.ok && parsed.value[1]).toEqual([{ open: '07:00', close: '09:00' }, { open: '11:00', close: '13:30' }])
    expect(parsed.ok && parsed.value[7]).toEqual([])
    const night = parseHoursText('5,6 20:00-02:00')
    expect(night.ok && night.value[5]).toEqual([{ open: '20:00', close: '02:00' }])
    const daily = parseHoursText('每天 24h')
    expect(daily.ok && Object.values(daily.value)).toEqual(Array(7).fill([{ open: '00:00', close: '24:00' }]))
    expect(parseHoursText('每天 08:00-12:00; 7 休息')).toEqual({ ok: false, reason: expect.stringContaining('星期 7 出现了不止一次') })
    expect(parseHoursText('').ok).toBe(false)
    expect(parseHoursText('8 09:00-10:00')).toEqual({ ok: false, reason: expect.stringContaining('“8”不是星期') })
    expect(parseHoursText('5-1 09:00-10:00')).toEqual({ ok: false, reason: expect.stringContaining('应从小到大') })
  })
})

describe('importing GeoJSON', () => {
  const feature = (props: Record<string, unknown>, coordinates: unknown = [112.5732, 37.7411]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: props,
  })
  const props = {
    externalId: 'gj-1', type: 'daycare', name: '坞城街道日间照料中心', address: '山西省太原市小店区坞城路 1 号', countyCode: '140105',
    hours: { weekly: { 1: [{ open: '08:00', close: '17:30' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } },
    services: ['日间休息', '助餐'], meals: { lunch: { priceFen: 1200, elderPriceFen: 600 } }, sample: false,
  }

  it('accepts Point features with structured or compact hours', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [feature(props), feature({ ...props, externalId: 'gj-2', hours: '1-5 08:00-17:30', meals: undefined, lunchPrice: 12, lunchElderPrice: 6 })],
    }
    const result = importFacilitiesGeoJson(JSON.stringify(collection), options)
    expect(result.refused).toEqual([])
    expect(result.accepted.map((f) => [f.externalId, f.lat, f.lng, f.meals?.lunch?.elderPriceFen, f.services])).toEqual([
      ['gj-1', 37.7411, 112.5732, 600, ['日间休息', '助餐']],
      ['gj-2', 37.7411, 112.5732, 600, ['日间休息', '助餐']],
    ])
    expect(result.accepted[1]?.hours.weekly[5]).toEqual([{ open: '08:00', close: '17:30' }])
  })

  it('refuses bad features by number, and a file that is not a FeatureCollection', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature(props, [37.7411, 112.5732]),
        feature({ ...props, externalId: 'gj-3' }, ['x', 1]),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { ...props, externalId: 'gj-4' } },
        'nonsense',
        feature({ ...props, externalId: 'gj-5', hours: { weekly: { 1: [{ open: '9', close: '17:00' }] } } }),
      ],
    }
    const result = importFacilitiesGeoJson(collection, options)
    expect(result.accepted).toEqual([])
    expect(result.refused.map((r) => [r.row, r.externalId])).toEqual([[1, 'gj-1'], [2, 'gj-3'], [3, 'gj-4'], [4, undefined], [5, 'gj-5']])
    expect(result.refused[0]?.reasons.join()).toContain('纬度应在 -90 到 90 之间')
    expect(result.refused[1]?.reasons.join()).toContain('经纬度应为数字')
    expect(result.refused[2]?.reasons.join()).toContain('应为 Point')
    expect(result.refused[3]?.reasons).toEqual(['不是 GeoJSON Feature'])
    expect(result.refused[4]?.reasons.join()).toContain('hours')
    expect(importFacilitiesGeoJson('{oops', options).refused).toEqual([{ row: 0, reasons: ['不是有效的 JSON'] }])
    expect(importFacilitiesGeoJson({ type: 'Feature' }, options).refused[0]?.row).toBe(0)
  })
})
