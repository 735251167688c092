import { z } from 'zod'
import type { DateInput } from '../time'
import {
  type LocalMoment,
  IsoDate,
  OpeningHours,
  hoursOn,
  isOpenAtMoment,
  localMoment,
  weekHours,
} from './openingHours'
import { SHANXI_BOUNDS, findCounty } from './regions'

/**
 * A care facility an older person can go to (找服务): an elderly canteen, a day-care centre or a
 * care institution, and the query and response shapes of `GET /facilities/nearby` and
 * `GET /facilities/:id`. Coordinates are GCJ-02, as WeChat maps use.
 */

export const FACILITY_TYPES = ['canteen', 'daycare', 'institution'] as const

/** canteen 老年助餐点/社区食堂, daycare 日间照料中心, institution 养老机构. */
export const FacilityType = z.enum(FACILITY_TYPES, { error: '机构类型应为 canteen（老年助餐点）、daycare（日间照料中心）或 institution（养老机构）' })
export type FacilityType = z.infer<typeof FacilityType>

export const FACILITY_TYPE_LABELS: Readonly<Record<FacilityType, string>> = {
  canteen: '老年助餐点',
  daycare: '日间照料中心',
  institution: '养老机构',
}

export const MEAL_KINDS = ['breakfast', 'lunch', 'dinner'] as const
export type MealKind = (typeof MEAL_KINDS)[number]
export const MEAL_LABELS: Readonly<Record<MealKind, string>> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' }

const Fen = (label: string) =>
  z
    .number({ error: `${label}应为以分计的整数` })
    .int({ error: `${label}应为以分计的整数` })
    .min(0, { error: `${label}不能为负` })
    .max(100_000, { error: `${label}超过 1000 元，请核对` })

/** One meal's price: the full price and the subsidised price for older residents (老年人优惠价). */
export const MealPrice = z
  .object({
    priceFen: Fen('标准价'),
    elderPriceFen: Fen('老年人价'),
  })
  .refine((m) => m.elderPriceFen <= m.priceFen, { error: '老年人价不应高于标准价', path: ['elderPriceFen'] })
export type MealPrice = z.infer<typeof MealPrice>

export const Meals = z.object({
  breakfast: MealPrice.optional(),
  lunch: MealPrice.optional(),
  dinner: MealPrice.optional(),
})
export type Meals = z.infer<typeof Meals>

const Dish = z.string().trim().min(1).max(30)

/** A menu for one date, or a standing menu for a weekday (1–7); a dated menu wins over a weekday one. */
export const MenuDay = z.object({
  on: z.union([z.number().int().min(1).max(7), IsoDate], { error: '菜单的 on 应为星期（1–7）或日期 YYYY-MM-DD' }),
  breakfast: z.array(Dish).max(20).optional(),
  lunch: z.array(Dish).max(20).optional(),
  dinner: z.array(Dish).max(20).optional(),
})
export type MenuDay = z.infer<typeof MenuDay>

export const Beds = z
  .object({
    total: z.number().int().min(0).max(20_000),
    available: z.number().int().min(0).max(20_000).optional(),
  })
  .refine((b) => b.available === undefined || b.available <= b.total, { error: '空余床位不能多于总床位', path: ['available'] })
export type Beds = z.infer<typeof Beds>

/** Landline with area code (0351-1234567, extension allowed), mobile, or a 5-digit service line. */
export const Phone = z
  .string()
  .trim()
  .regex(/^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|1\d{4})$/, { error: '电话应为带区号的固话（如 0351-1234567）、手机号或 5 位服务热线' })

export const ExternalId = z
  .string({ error: '请填写 externalId' })
  .trim()
  .min(1, { error: '请填写 externalId' })
  .max(80, { error: 'externalId 最长 80 个字符' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, { error: 'externalId 只能包含字母、数字和 . _ : / -' })

const Text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}最长 ${max} 个字` })

const Latitude = z.number({ error: '纬度应为数字' }).min(-90, { error: '纬度应在 -90 到 90 之间' }).max(90, { error: '纬度应在 -90 到 90 之间' })
const Longitude = z.number({ error: '经度应为数字' }).min(-180, { error: '经度应在 -180 到 180 之间' }).max(180, { error: '经度应在 -180 到 180 之间' })

const DateTime = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601，如 2025-06-30T08:00:00+08:00' })

export const Facility = z
  .object({
    id: z.uuid({ error: 'id 应为 UUID' }),
    externalId: ExternalId,
    type: FacilityType,
    name: Text('名称', 100),
    address: Text('地址', 200),
    cityCode: z.string({ error: '请填写市代码' }).regex(/^14\d{2}00$/, { error: '市代码应为山西的 6 位地级市代码（如 140100）' }),
    countyCode: z.string({ error: '请填写区县代码' }).regex(/^14\d{4}$/, { error: '区县代码应为山西的 6 位代码（如 140105）' }),
    /** GCJ-02 latitude. */
    lat: Latitude,
    /** GCJ-02 longitude. */
    lng: Longitude,
    phone: Phone.optional(),
    hours: OpeningHours,
    services: z.array(z.string().trim().min(1).max(40)).max(40).default([]),
    meals: Meals.optional(),
    menu: z.array(MenuDay).max(40).optional(),
    beds: Beds.optional(),
    /** Accessibility notes (无障碍): ramps, lifts, ground-floor dining … */
    accessibility: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    /** True for generated sample data, which the app labels as such. */
    sample: z.boolean({ error: 'sample 应为 true 或 false' }),
    updatedAt: DateTime,
  })
  .superRefine((f, ctx) => {
    for (const issue of crossFieldIssues(f)) ctx.addIssue({ code: 'custom', ...issue })
  })
export type Facility = z.infer<typeof Facility>
/** What a client or importer may send (defaults not yet applied). */
export type FacilityInput = z.input<typeof Facility>

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

/**
 * The checks that relate fields to each other (county in city, point in Shanxi, a canteen has
 * meals). Part of `Facility`; exported so an importer can report them alongside field errors,
 * since zod skips refinements of an object whose fields already failed. Tolerates any input.
 */
export function crossFieldIssues(f: { type?: unknown; cityCode?: unknown; countyCode?: unknown; lat?: unknown; lng?: unknown; meals?: unknown }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (typeof f.countyCode === 'string' && /^14\d{4}$/.test(f.countyCode)) {
    const county = findCounty(f.countyCode)
    if (!county) issues.push({ path: ['countyCode'], message: `区县代码 ${f.countyCode} 不是山西现行的县级行政区` })
    else if (typeof f.cityCode === 'string' && county.cityCode !== f.cityCode) {
      issues.push({ path: ['countyCode'], message: `区县 ${county.name}（${county.code}）不属于市代码 ${f.cityCode}` })
    }
  }
  const { lat, lng } = f
  if (typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
    const within = (a: number, b: number) => a >= SHANXI_BOUNDS.minLat && a <= SHANXI_BOUNDS.maxLat && b >= SHANXI_BOUNDS.minLng && b <= SHANXI_BOUNDS.maxLng
    if (!within(lat, lng)) {
      issues.push({
        path: ['lat'],
        message: within(lng, lat) ? '坐标不在山西省范围内：经纬度似乎填反了' : `坐标 (${lat}, ${lng}) 不在山西省范围内（北纬 34.5–40.8，东经 110.2–114.6）`,
      })
    }
  }
  if (f.type === 'canteen') {
    const meals = typeof f.meals === 'object' && f.meals !== null ? (f.meals as Record<string, unknown>) : {}
    if (!MEAL_KINDS.some((kind) => meals[kind] !== undefined)) {
      issues.push({ path: ['meals'], message: '助餐点至少要有一餐（早餐、午餐或晚餐）的价格' })
    }
  }
  return issues
}

// ---- GET /facilities/nearby ----

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const toNumber = (v: unknown): unknown => {
  const value = emptyToUndefined(v)
  return typeof value === 'string' ? Number(value) : value
}

const numberParam = (label: string, min: number, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: (issue) => (issue.input === undefined ? `请提供${label}` : `${label} 应为数字`) })
      .min(min, { error: `${label} 应在 ${min} 到 ${max} 之间` })
      .max(max, { error: `${label} 应在 ${min} 到 ${max} 之间` }),
  )

/** `types=canteen,daycare`, `types=canteen&types=daycare` or an array; absent or empty → all. */
// Optional inside and defaulted after, so the OpenAPI document shows `types` as optional.
const TypesParam = z
  .preprocess(
    (v) => {
      const parts = (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).flatMap((item) =>
        typeof item === 'string' ? item.split(',').map((s) => s.trim()).filter((s) => s !== '') : [item],
      )
      return parts.length === 0 ? undefined : [...new Set(parts)]
    },
    z.array(FacilityType).optional(),
  )
  .transform((types) => types ?? [...FACILITY_TYPES])

export const MAX_RADIUS_KM = 50
export const MAX_LIMIT = 50

export const NearbyQuery = z.object({
  /** GCJ-02 latitude of the searcher. */
  lat: numberParam('纬度 lat', -90, 90),
  /** GCJ-02 longitude of the searcher. */
  lng: numberParam('经度 lng', -180, 180),
  types: TypesParam,
  radiusKm: z
    .preprocess(
      toNumber,
      z
        .number({ error: '搜索半径 radiusKm 应为数字' })
        .gt(0, { error: '搜索半径 radiusKm 应大于 0' })
        .max(MAX_RADIUS_KM, { error: `搜索半径 radiusKm 最大 ${MAX_RADIUS_KM} 公里` })
        .optional(),
    )
    .transform((v) => v ?? 5),
  limit: z
    .preprocess(
      toNumber,
      z
        .number({ error: '数量 limit 应为数字' })
        .int({ error: '数量 limit 应为整数' })
        .min(1, { error: '数量 limit 至少为 1' })
        .max(MAX_LIMIT, { error: `数量 limit 最多 ${MAX_LIMIT}` })
        .optional(),
    )
    .transform((v) => v ?? 20),
  /** Only places open at this moment. Without an offset it is read as Asia/Shanghai time. */
  openAt: z.preprocess(
    emptyToUndefined,
    z.iso.datetime({ offset: true, local: true, error: 'openAt 应为 ISO 8601 时间，如 2025-06-30T12:00:00+08:00' }).optional(),
  ),
})
export type NearbyQuery = z.infer<typeof NearbyQuery>
export type NearbyQueryInput = z.input<typeof NearbyQuery>

/** The fields a list row needs. */
export const FacilitySummary = z.object({
  id: z.uuid(),
  type: FacilityType,
  name: z.string(),
  address: z.string(),
  cityCode: z.string(),
  countyCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string().optional(),
  meals: Meals.optional(),
  sample: z.boolean(),
})
export type FacilitySummary = z.infer<typeof FacilitySummary>

export const NearbyResult = FacilitySummary.extend({
  /** Great-circle distance in whole metres. */
  distanceM: z.number().int().min(0),
  /** Open at the query's `openAt`, or now when none was given. */
  openNow: z.boolean(),
  /** '今日 06:30–09:00, 11:00–13:30' or '今日休息' (for the date of `openAt` / now). */
  todayHours: z.string(),
})
export type NearbyResult = z.infer<typeof NearbyResult>

export const NearbyResponse = z.object({
  /** The moment `openNow` and `todayHours` describe (ISO, +08:00). */
  at: z.string(),
  radiusKm: z.number(),
  items: z.array(NearbyResult),
})
export type NearbyResponse = z.infer<typeof NearbyResponse>

// ---- GET /facilities/:id ----

export const FacilityDetail = z.object({
  id: z.uuid(),
  externalId: z.string(),
  type: FacilityType,
  typeLabel: z.string(),
  name: z.string(),
  address: z.string(),
  cityCode: z.string(),
  countyCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string().optional(),
  hours: OpeningHours,
  weekHours: z.array(z.object({ weekday: z.number().int().min(1).max(7), label: z.string(), text: z.string() })),
  /** Upcoming closed dates (from `at`), at most 10. */
  upcomingClosedDates: z.array(z.string()),
  openNow: z.boolean(),
  todayHours: z.string(),
  services: z.array(z.string()),
  meals: Meals.optional(),
  todayMenu: MenuDay.omit({ on: true }).optional(),
  beds: Beds.optional(),
  accessibility: z.array(z.string()),
  sample: z.boolean(),
  updatedAt: z.string(),
})
export type FacilityDetail = z.infer<typeof FacilityDetail>

// ---- Projections (explicit, so nothing is returned by accident) ----

export function toSummary(f: Facility): FacilitySummary {
  return {
    id: f.id,
    type: f.type,
    name: f.name,
    address: f.address,
    cityCode: f.cityCode,
    countyCode: f.countyCode,
    lat: f.lat,
    lng: f.lng,
    ...(f.phone !== undefined ? { phone: f.phone } : {}),
    ...(f.meals !== undefined ? { meals: f.meals } : {}),
    sample: f.sample,
  }
}

/** A list row for a facility at `distanceM`, described at `at` (a moment or its precomputed parts). */
export function toNearbyResult(f: Facility, distanceM: number, at: DateInput, moment: LocalMoment = localMoment(at)): NearbyResult {
  return {
    ...toSummary(f),
    distanceM: Math.round(distanceM),
    openNow: isOpenAtMoment(f.hours, moment),
    todayHours: hoursOn(f.hours, moment.date),
  }
}

/** The menu for the Shanghai date of `at`: a dated entry first, else the weekday's standing menu. */
export function menuOn(f: Facility, at: DateInput): Omit<MenuDay, 'on'> | undefined {
  if (!f.menu) return undefined
  const m = localMoment(at)
  const entry = f.menu.find((d) => d.on === m.date) ?? f.menu.find((d) => d.on === m.weekday)
  if (!entry) return undefined
  const { on: _on, ...dishes } = entry
  return dishes
}

export function toFacilityDetail(f: Facility, at: DateInput): FacilityDetail {
  const m = localMoment(at)
  const todayMenu = menuOn(f, at)
  return {
    id: f.id,
    externalId: f.externalId,
    type: f.type,
    typeLabel: FACILITY_TYPE_LABELS[f.type],
    name: f.name,
    address: f.address,
    cityCode: f.cityCode,
    countyCode: f.countyCode,
    lat: f.lat,
    lng: f.lng,
    ...(f.phone !== undefined ? { phone: f.phone } : {}),
    hours: f.hours,
    weekHours: weekHours(f.hours),
    upcomingClosedDates: [...f.hours.closedDates].filter((d) => d >= m.date).sort().slice(0, 10),
    openNow: isOpenAtMoment(f.hours, m),
    todayHours: hoursOn(f.hours, m.date),
    services: [...f.services],
    ...(f.meals !== undefined ? { meals: f.meals } : {}),
    ...(todayMenu !== undefined ? { todayMenu } : {}),
    ...(f.beds !== undefined ? { beds: f.beds } : {}),
    accessibility: [...f.accessibility],
    sample: f.sample,
    updatedAt: f.updatedAt,
  }
}
