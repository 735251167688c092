import { parse } from 'csv-parse/sync'
import { FACILITY_TYPES, Facility, type FacilityInput, type FacilityType, MEAL_KINDS, MEAL_LABELS, type MealKind, crossFieldIssues } from '@/domain/care/facility'
import { type Interval, type Weekday, WEEKDAYS } from '@/domain/care/openingHours'
import { findCounty } from '@/domain/care/regions'
import { type DateInput, toShanghai } from '@/domain/time'
import { facilityIdFor } from './ids'

/**
 * Importing real facility lists: parse and validate (the database upsert is ./import.ts). Every row ends up either accepted or refused with its reasons;
 * none is dropped silently. Rows are upserted by `externalId`, and a facility's `id` is derived
 * from it (UUIDv5), so re-importing the same list keeps the same ids.
 *
 * ## CSV columns (UTF-8, a header row, any column order; a BOM is fine)
 *
 * | column | required | format |
 * |---|---|---|
 * | externalId | yes | the source's stable id: letters, digits, `. _ : / -` |
 * | type | yes | `canteen` / `daycare` / `institution`, or 老年助餐点 / 社区食堂 / 日间照料中心 / 养老机构 |
 * | name, address | yes | text |
 * | countyCode | yes | 6-digit Shanxi county code, e.g. 140105 |
 * | cityCode | no | 6-digit city code; derived from countyCode when empty |
 * | lat, lng | yes | GCJ-02 decimal degrees |
 * | phone | no | 0351-1234567, a mobile number, or a 5-digit service line |
 * | hours | yes | `1-5 08:00-11:30,14:00-17:30; 6 09:00-12:00` — groups separated by `;`, each "days times". Days: `1`–`7` (1 = Monday), ranges `1-5`, lists `1,3,5`, or `每天`. Times: `HH:mm-HH:mm` (a close before the open runs overnight; `24:00` allowed), or `24小时`/`24h`, or `休息`/`closed`. Days not mentioned are closed. |
 * | closedDates | no | dates `YYYY-MM-DD` separated by `;` or spaces (holidays) |
 * | services, accessibility | no | lists separated by `;` `；` `、` or `|` |
 * | breakfastPrice, breakfastElderPrice, lunchPrice, lunchElderPrice, dinnerPrice, dinnerElderPrice | canteens: at least one meal | yuan with up to 2 decimals (`15`, `8.50`); both prices of a meal together |
 * | bedsTotal, bedsAvailable | no | whole numbers |
 * | sample | no | `true`/`false` (also 是/否, 1/0); default false |
 * | updatedAt | no | ISO 8601 with offset; default: the import time |
 *
 * Row numbers count the header as row 1, as a spreadsheet does. Row 0 means the file as a whole.
 * A row whose externalId also appears on another row is refused together with that row: the
 * file must say which version is right. Entirely empty rows are skipped and listed in `blankRows`.
 *
 * ## GeoJSON
 *
 * A FeatureCollection of Point features (`coordinates: [lng, lat]`, GCJ-02) whose `properties`
 * use the same names. There, `hours` may also be the structured form
 * `{weekly: {"1": [{open, close}], …}, closedDates: [...]}`, lists may be arrays, `meals` may be
 * given in fen (`{lunch: {priceFen, elderPriceFen}}`), `beds` as `{total, available}` and
 * `sample` as a boolean. Row n is the n-th feature (1-based).
 */

export interface RefusedRow {
  row: number
  externalId?: string
  reasons: string[]
}

export interface ImportResult {
  accepted: Facility[]
  refused: RefusedRow[]
  /** Row numbers of entirely empty CSV rows that were skipped. */
  blankRows: number[]
  /** File-level notes that refuse nothing (e.g. unknown columns that were ignored). */
  warnings: string[]
}

export interface ImportOptions {
  /** `updatedAt` for rows that give none; defaults to now. */
  importedAt?: DateInput
}

export const CSV_COLUMNS = [
  'externalId', 'type', 'name', 'address', 'cityCode', 'countyCode', 'lat', 'lng', 'phone', 'hours', 'closedDates',
  'services', 'breakfastPrice', 'breakfastElderPrice', 'lunchPrice', 'lunchElderPrice', 'dinnerPrice', 'dinnerElderPrice',
  'bedsTotal', 'bedsAvailable', 'accessibility', 'sample', 'updatedAt',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['externalId', 'type', 'name', 'address', 'countyCode', 'lat', 'lng', 'hours']

const TYPE_ALIASES: Readonly<Record<string, FacilityType>> = {
  canteen: 'canteen', 老年助餐点: 'canteen', 助餐点: 'canteen', 社区食堂: 'canteen', 老年食堂: 'canteen', 长者食堂: 'canteen',
  daycare: 'daycare', 日间照料中心: 'daycare', 日间照料站: 'daycare',
  institution: 'institution', 养老机构: 'institution', 养老院: 'institution', 敬老院: 'institution',
}

// ---- Cell parsers: each returns a value or a reason ----

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

function splitList(text: string): string[] {
  return text.split(/[;；、|]/).map((s) => s.trim()).filter((s) => s !== '')
}

function parseDecimal(column: string, text: string): Parsed<number> {
  const t = text.trim()
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return fail(`${column}：“${text}”不是数字`)
  return ok(Number(t))
}

/** Yuan text → whole fen, exactly (no floating point): '15' → 1500, '8.5' → 850. */
export function yuanToFen(text: string): number | undefined {
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return undefined
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

function normaliseClock(text: string): string | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m) return undefined
  return `${(m[1] as string).padStart(2, '0')}:${m[2] as string}`
}

function parseDays(text: string): Parsed<Weekday[]> {
  const t = text.trim()
  if (t === '每天' || t === '每日' || t.toLowerCase() === 'daily') return ok([...WEEKDAYS])
  const days: Weekday[] = []
  for (const part of t.split(/[,，]/)) {
    const m = /^([1-7])(?:[-–~]([1-7]))?$/.exec(part.trim())
    if (!m) return fail(`“${part}”不是星期（1–7，如 1-5 或 1,3,5）`)
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    if (to < from) return fail(`星期范围“${part}”应从小到大`)
    for (let d = from; d <= to; d++) days.push(d as Weekday)
  }
  return ok(days)
}

function parseIntervals(text: string): Parsed<Interval[]> {
  const t = text.trim()
  if (/^(休息|closed|关闭)$/i.test(t)) return ok([])
  if (/^(24\s*小时|24h)$/i.test(t)) return ok([{ open: '00:00', close: '24:00' }])
  const intervals: Interval[] = []
  for (const part of t.split(/[,，]/)) {
    const m = /^\s*([\d:：]+)\s*[-–~至]\s*([\d:：]+)\s*$/.exec(part)
    const open = m ? normaliseClock(m[1] as string) : undefined
    const close = m ? normaliseClock(m[2] as string) : undefined
    if (!open || !close) return fail(`时段“${part.trim()}”应写成 HH:mm-HH:mm`)
    intervals.push({ open, close })
  }
  return ok(intervals)
}

/** The compact hours text (see the column table) → the weekly structure. */
export function parseHoursText(text: string): Parsed<Record<Weekday, Interval[]>> {
  const weekly: Record<Weekday, Interval[]> = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }
  const seen = new Set<Weekday>()
  const groups = text.split(/[;；\n]/).map((g) => g.trim()).filter((g) => g !== '')
  if (groups.length === 0) return fail('hours：请填写营业时间（全休请写 1-7 休息）')
  for (const group of groups) {
    const m = /^(\S+)\s+(.+)$/.exec(group)
    if (!m) return fail(`hours：“${group}”应为“星期 时段”，如 1-5 08:00-17:30`)
    const days = parseDays(m[1] as string)
    if (!days.ok) return fail(`hours：${days.reason}`)
    const intervals = parseIntervals(m[2] as string)
    if (!intervals.ok) return fail(`hours：${intervals.reason}`)
    for (const d of days.value) {
      if (seen.has(d)) return fail(`hours：星期 ${d} 出现了不止一次`)
      seen.add(d)
      weekly[d] = intervals.value.map((iv) => ({ ...iv }))
    }
  }
  return ok(weekly)
}

function parseBoolean(column: string, text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase()
  if (['true', '是', '1', 'yes', 'y'].includes(t)) return ok(true)
  if (['false', '否', '0', 'no', 'n'].includes(t)) return ok(false)
  return fail(`${column}：“${text}”应为 true 或 false`)
}

function parseWhole(column: string, text: string): Parsed<number> {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return fail(`${column}：“${text}”应为整数`)
  return ok(Number(t))
}

// ---- Rows → facility candidates ----

type Cells = Partial<Record<CsvColumn, string>>

interface Candidate {
  input: Record<string, unknown>
  reasons: string[]
  /** Not a record at all: schema messages would only add noise. */
  fatal?: boolean
  /** Columns whose schema messages are already explained by another reason. */
  quiet?: string[]
}

function fromCells(cells: Cells, importedAt: string): Candidate {
  const reasons: string[] = []
  const input: Record<string, unknown> = {}
  const get = (c: CsvColumn): string => (cells[c] ?? '').trim()
  const take = <T>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value
    reasons.push(p.reason)
    return undefined
  }

  const externalId = get('externalId')
  input.externalId = externalId
  if (externalId !== '') input.id = facilityIdFor(externalId)

  const typeText = get('type')
  const type = TYPE_ALIASES[typeText] ?? TYPE_ALIASES[typeText.toLowerCase()]
  if (typeText === '') reasons.push('type：请填写机构类型')
  else if (!type) reasons.push(`type：未知的机构类型“${typeText}”（应为 ${FACILITY_TYPES.join('、')} 或对应中文名称）`)
  else input.type = type

  input.name = get('name')
  input.address = get('address')
  const countyCode = get('countyCode')
  input.countyCode = countyCode
  const quiet: string[] = []
  if (get('cityCode') !== '') input.cityCode = get('cityCode')
  else {
    // Derived from the county; when the county is wrong, its own message explains the city too.
    const county = findCounty(countyCode)
    if (county) input.cityCode = county.cityCode
    else quiet.push('cityCode')
  }

  for (const c of ['lat', 'lng'] as const) {
    if (get(c) === '') reasons.push(`${c}：请填写${c === 'lat' ? '纬度' : '经度'}`)
    else input[c] = take(parseDecimal(c, get(c)))
  }
  if (get('phone') !== '') input.phone = get('phone')

  if (get('hours') === '') reasons.push('hours：请填写营业时间（全休请写 1-7 休息）')
  else {
    const weekly = take(parseHoursText(get('hours')))
    const closedDates = get('closedDates') === '' ? [] : get('closedDates').split(/[;；,\s]+/).filter((s) => s !== '')
    if (weekly) input.hours = { weekly, closedDates }
  }

  input.services = splitList(get('services'))
  input.accessibility = splitList(get('accessibility'))

  const meals: Partial<Record<MealKind, { priceFen: number; elderPriceFen: number }>> = {}
  for (const meal of MEAL_KINDS) {
    const priceCol = `${meal}Price` as CsvColumn
    const elderCol = `${meal}ElderPrice` as CsvColumn
    const price = get(priceCol)
    const elder = get(elderCol)
    if (price === '' && elder === '') continue
    if (price === '' || elder === '') {
      reasons.push(`${price === '' ? priceCol : elderCol}：${MEAL_LABELS[meal]}的标准价和老年人价要一起填写`)
      continue
    }
    const priceFen = yuanToFen(price)
    const elderPriceFen = yuanToFen(elder)
    if (priceFen === undefined) reasons.push(`${priceCol}：“${price}”应为元，最多两位小数（如 15 或 8.50）`)
    if (elderPriceFen === undefined) reasons.push(`${elderCol}：“${elder}”应为元，最多两位小数（如 15 或 8.50）`)
    if (priceFen !== undefined && elderPriceFen !== undefined) meals[meal] = { priceFen, elderPriceFen }
  }
  if (Object.keys(meals).length > 0) input.meals = meals

  if (get('bedsTotal') !== '' || get('bedsAvailable') !== '') {
    if (get('bedsTotal') === '') reasons.push('bedsTotal：填写空余床位时也要填写总床位')
    else {
      const total = take(parseWhole('bedsTotal', get('bedsTotal')))
      const available = get('bedsAvailable') === '' ? undefined : take(parseWhole('bedsAvailable', get('bedsAvailable')))
      if (total !== undefined) input.beds = available === undefined ? { total } : { total, available }
    }
  }

  input.sample = get('sample') === '' ? false : take(parseBoolean('sample', get('sample')))
  input.updatedAt = get('updatedAt') === '' ? importedAt : get('updatedAt')
  return { input, reasons, quiet }
}

const MEAL_COLUMN: Readonly<Record<string, string>> = { priceFen: 'Price', elderPriceFen: 'ElderPrice' }

/** 'meals.lunch.elderPriceFen' → 'lunchElderPrice', 'beds.available' → 'bedsAvailable', else the path. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String)
  if (head === 'meals' && second && third && MEAL_COLUMN[third]) return `${second}${MEAL_COLUMN[third]}`
  if (head === 'beds' && second) return `beds${second.charAt(0).toUpperCase()}${second.slice(1)}`
  if (head === 'hours' && second === 'weekly' && third) return `hours（星期 ${third}）`
  return path.map(String).join('.') || '(行)'
}

const columnRoot = (text: string): string => (text.split('：')[0] ?? '').split('（')[0] ?? ''

/** Schema issues as reasons, leaving out columns whose cell already failed to parse. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], known: readonly string[]): string[] {
  const explained = new Set(known.map(columnRoot))
  return issues.map((issue) => `${columnOf(issue.path)}：${issue.message}`).filter((reason) => !explained.has(columnRoot(reason)))
}

function finish(
  rows: { row: number; candidate: Candidate }[],
  extra: { refused?: RefusedRow[]; blankRows?: number[]; warnings?: string[] },
): ImportResult {
  const rowsById = new Map<string, number[]>()
  for (const { row, candidate } of rows) {
    const id = candidate.input.externalId
    if (typeof id === 'string' && id !== '') rowsById.set(id, [...(rowsById.get(id) ?? []), row])
  }
  const accepted: Facility[] = []
  const refused: RefusedRow[] = [...(extra.refused ?? [])]
  for (const { row, candidate } of rows) {
    const reasons = [...candidate.reasons]
    const externalId = typeof candidate.input.externalId === 'string' && candidate.input.externalId !== '' ? candidate.input.externalId : undefined
    const parsed = candidate.fatal ? undefined : Facility.safeParse(candidate.input as FacilityInput)
    if (parsed && !parsed.success) {
      // zod skips the cross-field checks when a field failed; report them anyway, in one pass.
      const issues = [...parsed.error.issues, ...crossFieldIssues(candidate.input)]
      const known = [...candidate.reasons, ...(candidate.quiet ?? []).map((c) => `${c}：`)]
      for (const reason of describeIssues(issues, known)) if (!reasons.includes(reason)) reasons.push(reason)
    }
    const sameId = externalId ? (rowsById.get(externalId) ?? []) : []
    if (sameId.length > 1) {
      reasons.push(`externalId：“${externalId}”重复出现在第 ${sameId.filter((r) => r !== row).join('、')} 行（同一 externalId 只能有一行）`)
    }
    if (reasons.length === 0 && parsed?.success) accepted.push(parsed.data)
    else refused.push({ row, ...(externalId ? { externalId } : {}), reasons })
  }
  refused.sort((a, b) => a.row - b.row)
  return { accepted, refused, blankRows: extra.blankRows ?? [], warnings: extra.warnings ?? [] }
}

function importedAtText(options: ImportOptions): string {
  return toShanghai(options.importedAt ?? Date.now()).format()
}

interface CsvRecord {
  /** Numbered as a spreadsheet numbers rows: the header is 1. */
  record: number
  fields: string[]
}

/**
 * The file's records (RFC 4180, a BOM dropped, rows of any length, a stray quote inside a field
 * kept as text), and what stopped the reading, if anything: the records before it still count.
 */
function readCsv(text: string): { records: CsvRecord[]; error?: { record: number; message: string } } {
  const records: CsvRecord[] = []
  const keep = (fields: string[]) => {
    records.push({ record: records.length + 1, fields })
    return null
  }
  try {
    parse(text, { bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], on_record: keep })
    return { records }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const message = code === 'CSV_QUOTE_NOT_CLOSED' ? '英文双引号没有闭合' : '无法按 CSV 读取'
    return { records, error: { record: records.length + 1, message } }
  }
}

/** Parse and validate a CSV file's text (columns: see the module comment). */
export function importFacilitiesCsv(text: string, options: ImportOptions = {}): ImportResult {
  const importedAt = importedAtText(options)
  const { records, error } = readCsv(text)
  const syntaxRefusal: RefusedRow[] = error
    ? [{ row: error.record, reasons: [`CSV 格式错误：${error.message}，本行及之后的内容没有导入`] }]
    : []
  const [header, ...body] = records
  if (!header) {
    return finish([], { refused: syntaxRefusal.length > 0 ? syntaxRefusal : [{ row: 0, reasons: ['文件是空的：需要一行表头和至少一行数据'] }] })
  }
  const names = header.fields.map((f) => f.trim())
  const known = new Set<string>(CSV_COLUMNS)
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !names.includes(c))
  const duplicated = names.filter((n, i) => n !== '' && names.indexOf(n) !== i)
  if (missing.length > 0 || duplicated.length > 0) {
    const reasons = [
      ...(missing.length > 0 ? [`表头缺少必需的列：${missing.join('、')}`] : []),
      ...(duplicated.length > 0 ? [`表头有重复的列：${[...new Set(duplicated)].join('、')}`] : []),
    ]
    // Nothing can be read reliably: refuse every data row, each saying why.
    return finish([], {
      refused: [
        { row: 1, reasons },
        ...body.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => ({ row: r.record, reasons: ['表头有误，本行未导入'] })),
        ...syntaxRefusal,
      ],
    })
  }
  const unknown = names.filter((n) => n !== '' && !known.has(n))
  const warnings = unknown.length > 0 ? [`忽略了未知的列：${unknown.join('、')}`] : []

  const rows: { row: number; candidate: Candidate }[] = []
  const blankRows: number[] = []
  const refused: RefusedRow[] = [...syntaxRefusal]
  for (const record of body) {
    if (record.fields.every((f) => f.trim() === '')) {
      blankRows.push(record.record)
      continue
    }
    if (record.fields.length !== names.length) {
      const externalIdAt = names.indexOf('externalId')
      const externalId = record.fields[externalIdAt]?.trim()
      refused.push({
        row: record.record,
        ...(externalId ? { externalId } : {}),
        reasons: [`这一行有 ${record.fields.length} 列，表头有 ${names.length} 列（含逗号的内容要用英文双引号括起来）`],
      })
      continue
    }
    const cells: Cells = {}
    names.forEach((name, i) => {
      if (known.has(name)) cells[name as CsvColumn] = record.fields[i] ?? ''
    })
    rows.push({ row: record.record, candidate: fromCells(cells, importedAt) })
  }
  return finish(rows, { refused, blankRows, warnings })
}

// ---- GeoJSON ----

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function cellText(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

function fromFeature(feature: unknown, importedAt: string): Candidate {
  if (!isRecord(feature) || feature.type !== 'Feature') return { input: {}, reasons: ['不是 GeoJSON Feature'], fatal: true }
  const props = isRecord(feature.properties) ? feature.properties : {}
  const geometry = feature.geometry
  const cells: Cells = {}
  for (const column of CSV_COLUMNS) {
    const value = props[column]
    cells[column] = Array.isArray(value) ? value.map(cellText).join(';') : cellText(value)
  }
  const reasons: string[] = []
  let coordinates: [number, number] | undefined
  if (!isRecord(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
    reasons.push('geometry：应为 Point，coordinates 为 [经度, 纬度]')
  } else {
    const [lng, lat] = geometry.coordinates as unknown[]
    if (typeof lng !== 'number' || typeof lat !== 'number') reasons.push('geometry.coordinates：经纬度应为数字 [经度, 纬度]')
    else coordinates = [lng, lat]
  }
  // Structured hours are validated by the schema directly.
  const structuredHours = isRecord(props.hours) ? props.hours : undefined
  if (structuredHours) cells.hours = '1-7 休息'
  const candidate = fromCells({ ...cells, lat: coordinates ? String(coordinates[1]) : '0', lng: coordinates ? String(coordinates[0]) : '0' }, importedAt)
  candidate.reasons = candidate.reasons.filter((r) => !/^(lat|lng)：/.test(r))
  if (coordinates) {
    candidate.input.lat = coordinates[1]
    candidate.input.lng = coordinates[0]
  } else {
    delete candidate.input.lat
    delete candidate.input.lng
  }
  if (structuredHours) candidate.input.hours = structuredHours
  if (isRecord(props.meals)) candidate.input.meals = props.meals
  if (isRecord(props.beds)) candidate.input.beds = props.beds
  if (typeof props.sample === 'boolean') {
    candidate.input.sample = props.sample
    candidate.reasons = candidate.reasons.filter((r) => !r.startsWith('sample：'))
  }
  candidate.reasons.unshift(...reasons)
  return candidate
}

/** Parse and validate a GeoJSON FeatureCollection (text or already-parsed JSON). */
export function importFacilitiesGeoJson(source: string | unknown, options: ImportOptions = {}): ImportResult {
  const importedAt = importedAtText(options)
  let data: unknown = source
  if (typeof source === 'string') {
    try {
      data = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source)
    } catch {
      return finish([], { refused: [{ row: 0, reasons: ['不是有效的 JSON'] }] })
    }
  }
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return finish([], { refused: [{ row: 0, reasons: ['应为 GeoJSON FeatureCollection（含 features 数组）'] }] })
  }
  const rows = data.features.map((feature, i) => ({ row: i + 1, candidate: fromFeature(feature, importedAt) }))
  return finish(rows, {})
}
