import type { Facility, FacilityType, Meals, MenuDay } from '@/domain/care/facility'
import { allDayEveryDay, type Interval, type OpeningHours, type Weekday } from '@/domain/care/openingHours'
import { type City, type County, SHANXI_REGIONS, isInShanxiBounds } from '@/domain/care/regions'
import { facilityIdFor } from './ids'
import { createRandom, type Random } from './random'

/**
 * Deterministic SAMPLE facilities at Shanxi's real scale: 1,291 care institutions and 9,721
 * day-care facilities (the province's reported counts, 2025) plus about 3,000 community canteens,
 * placed around the real city and county centres in proportion to rough population.
 *
 * Everything here is invented: names, addresses, phones, hours, prices. Every record has
 * `sample: true` and an external id `sample-<type>-<n>`, and the app labels them as sample data.
 * Phone numbers use a local number beginning with 0 (e.g. 0351-0123456), which no exchange
 * assigns, so a sample record can never ring a real person.
 */

export const SAMPLE_COUNTS: Readonly<Record<FacilityType, number>> = {
  institution: 1291,
  daycare: 9721,
  canteen: 3000,
}
export const SAMPLE_SEED = 20250630
export const SAMPLE_UPDATED_AT = '2025-06-30T08:00:00+08:00'

export interface SampleOptions {
  seed?: number
  counts?: Partial<Record<FacilityType, number>>
}

// Real street (街道) and town names of Taiyuan's six districts; elsewhere generic names are used.
const TAIYUAN_STREETS: Readonly<Record<string, readonly string[]>> = {
  '140105': ['坞城街道', '营盘街道', '北营街道', '平阳路街道', '黄陵街道', '龙城街道', '小店街道', '北格镇', '西温庄乡'],
  '140106': ['柳巷街道', '文庙街道', '庙前街道', '迎泽街道', '桥东街道', '老军营街道', '郝庄镇'],
  '140107': ['巨轮街道', '三桥街道', '鼓楼街道', '杏花岭街道', '坝陵桥街道', '大东关街道', '职工新村街道', '敦化坊街道', '涧河街道'],
  '140108': ['尖草坪街道', '光社街道', '上兰街道', '南寨街道', '迎新街道', '汇丰街道', '古城街道', '柴村街道', '阳曲镇'],
  '140109': ['千峰街道', '下元街道', '和平街道', '万柏林街道', '兴华街道', '西铭街道', '小井峪街道', '东社街道', '杜儿坪街道', '白家庄街道'],
  '140110': ['义井街道', '罗城街道', '晋源街道', '金胜镇', '晋祠镇', '姚村镇'],
}

const TOWN_STEMS = ['城关', '东城', '西城', '南城', '北城', '河东', '河西', '龙泉', '凤城', '新城', '古城', '城东', '城西', '城南', '城北', '东关', '西关', '南关', '北关', '永安', '太平', '安乐', '兴隆', '清河']
const COMMUNITIES = ['东关', '西关', '南关', '北关', '新华', '建设', '解放', '和平', '胜利', '朝阳', '光明', '文化', '育才', '幸福', '红旗', '团结', '向阳', '长青', '桃园', '迎宾', '府前', '振兴', '康宁', '安康', '南街', '北街', '东街', '西街', '铁路', '电厂', '锦绣', '丽园', '嘉园', '紫荆', '龙湖', '长风', '学府', '滨河', '绿洲', '阳光']
const SURNAMES = ['王', '李', '张', '刘', '赵', '杨', '郭', '武', '贾', '田', '任', '韩', '梁', '薛', '高', '段', '冯', '郝', '阎', '范', '史', '孙', '牛', '常', '乔', '侯', '宋', '白', '卫', '柴']
const VILLAGE_ENDINGS = ['家庄', '家堡', '家沟', '家峪', '庄', '家营', '家坡', '家寨']
const VILLAGE_PREFIXES = ['东', '西', '南', '北', '前', '后', '上', '下', '大', '小']
const ROAD_ENDINGS = ['路', '街', '大街', '北路', '南路', '东街', '西街']
const BRANDS = ['颐和', '康乐', '福寿', '松鹤', '夕阳红', '安泰', '椿萱', '康宁', '和馨', '乐龄', '颐康', '长寿', '福乐', '慈恩', '仁和', '怡园', '金色年华', '天伦', '永康', '德馨', '惠民', '慈航', '善缘', '晋善']
const INSTITUTION_KINDS = ['老年公寓', '养老院', '康养中心', '颐养院', '护理院', '老年养护院']
const DISHES = ['西红柿炒鸡蛋', '土豆丝', '过油肉', '小米粥', '刀削面', '莜面栲栳栳', '红烧豆腐', '醋溜白菜', '肉末茄子', '蒸南瓜', '玉米面窝头', '山西烩菜', '清炒油菜', '紫菜蛋汤', '馒头', '米饭', '炝炒莲菜', '家常豆腐', '蒸红薯', '小米饭', '猫耳朵', '红面擦尖', '豆角焖面', '鸡蛋饼']
const ACCESSIBILITY = ['入口有无障碍坡道', '有无障碍卫生间', '有电梯', '一楼就餐', '轮椅可进入', '走廊有扶手', '门前可停车接送', '提供助行器']
const CANTEEN_SERVICES = ['堂食', '送餐上门', '老年人优惠餐', '代购代买']
const DAYCARE_SERVICES = ['日间休息', '助餐', '文化娱乐', '健康监测', '康复理疗', '助浴', '精神慰藉', '理发', '法律咨询']
const INSTITUTION_SERVICES = ['全托', '失能照护', '医养结合', '康复护理', '短期托养', '认知症照护', '安宁疗护', '送医陪诊']
const SPRING_FESTIVAL = ['2026-02-16', '2026-02-17', '2026-02-18']
const NATIONAL_DAY = ['2025-10-01', '2025-10-02', '2025-10-03']

/** Split `total` over weights exactly (largest remainder), after giving each `minimum`. */
function allocate(total: number, weights: readonly number[], minimum: number): number[] {
  const base = Math.min(minimum, Math.floor(total / Math.max(weights.length, 1)))
  const rest = total - base * weights.length
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (rest * w) / sum)
  const counts = exact.map((x) => Math.floor(x))
  let left = rest - counts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    counts[i] = (counts[i] as number) + 1
    left--
  }
  return counts.map((c) => c + base)
}

const TYPE_FACTOR: Readonly<Record<FacilityType, Readonly<Record<County['kind'], number>>>> = {
  canteen: { district: 1.6, city: 1.1, county: 0.8 },
  daycare: { district: 0.6, city: 1.0, county: 1.3 },
  institution: { district: 1.1, city: 1.0, county: 0.9 },
}

/** Share of each type placed in the built-up seat (the rest in villages around it). */
const URBAN_SHARE: Readonly<Record<FacilityType, number>> = { canteen: 0.75, daycare: 0.3, institution: 0.6 }

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6
const roundTo50 = (fen: number): number => Math.round(fen / 50) * 50

/** The point `northKm` north and `eastKm` east of `centre` (flat-earth, fine for tens of km). */
export function offset(centre: { lat: number; lng: number }, northKm: number, eastKm: number): { lat: number; lng: number } {
  const lat = centre.lat + northKm / 111.32
  const lng = centre.lng + eastKm / (111.32 * Math.cos((centre.lat * Math.PI) / 180))
  return { lat, lng }
}

function place(rng: Random, county: County, urban: boolean): { lat: number; lng: number } {
  for (let attempt = 0; attempt < 20; attempt++) {
    let p: { lat: number; lng: number }
    if (county.kind === 'district') {
      p = offset(county.centre, rng.gaussian(0, urban ? 2.2 : 4.5), rng.gaussian(0, urban ? 2.2 : 4.5))
    } else if (urban) {
      p = offset(county.centre, rng.gaussian(0, 1.8), rng.gaussian(0, 1.8))
    } else {
      const r = 3 + 22 * Math.sqrt(rng.next())
      const angle = rng.next() * 2 * Math.PI
      p = offset(county.centre, r * Math.sin(angle), r * Math.cos(angle))
    }
    if (isInShanxiBounds(p)) return { lat: round6(p.lat), lng: round6(p.lng) }
  }
  return { ...county.centre }
}

function townsOf(rng: Random, county: County): string[] {
  const real = TAIYUAN_STREETS[county.code]
  if (real) return [...real]
  const kinds = county.kind === 'district' ? ['街道', '街道', '镇'] : ['镇', '乡', '镇']
  const stems = new Set<string>()
  const wanted = county.kind === 'county' ? 8 : 6
  while (stems.size < wanted) stems.add(rng.pick(TOWN_STEMS))
  return [...stems].map((stem, i) => `${stem}${i === 0 && county.kind !== 'district' ? '镇' : rng.pick(kinds)}`)
}

function village(rng: Random): string {
  const ending = rng.pick(VILLAGE_ENDINGS)
  const prefix = rng.chance(0.3) ? rng.pick(VILLAGE_PREFIXES) : ''
  return `${prefix}${rng.pick(SURNAMES)}${ending}村`
}

function phone(rng: Random, city: City): string {
  // Local numbers beginning with 0 are never assigned: see the module comment.
  return `${city.areaCode}-0${String(rng.int(0, 999_999)).padStart(6, '0')}`
}

function weekly(days: Partial<Record<Weekday, Interval[]>>): OpeningHours['weekly'] {
  return { 1: days[1] ?? [], 2: days[2] ?? [], 3: days[3] ?? [], 4: days[4] ?? [], 5: days[5] ?? [], 6: days[6] ?? [], 7: days[7] ?? [] }
}

export function sameEveryDay(days: readonly Weekday[], intervals: readonly Interval[]): OpeningHours['weekly'] {
  const map: Partial<Record<Weekday, Interval[]>> = {}
  for (const d of days) map[d] = intervals.map((iv) => ({ ...iv }))
  return weekly(map)
}

function closedDates(rng: Random, pSpring: number, pNational: number): string[] {
  return [...(rng.chance(pNational) ? NATIONAL_DAY : []), ...(rng.chance(pSpring) ? SPRING_FESTIVAL : [])]
}

function pickSome<T>(rng: Random, pool: readonly T[], min: number, max: number): T[] {
  const n = rng.int(min, Math.min(max, pool.length))
  const chosen = new Set<T>()
  while (chosen.size < n) chosen.add(rng.pick(pool))
  return pool.filter((x) => chosen.has(x))
}

const ALL_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

function canteenDetails(rng: Random, city: City): Pick<Facility, 'hours' | 'meals' | 'menu' | 'services'> {
  const provincial = city.code === '140100'
  const breakfast = rng.chance(0.5)
  const dinner = rng.chance(0.4)
  const intervals: Interval[] = []
  if (breakfast) intervals.push({ open: rng.pick(['06:30', '07:00']), close: rng.pick(['09:00', '09:30']) })
  intervals.push({ open: rng.pick(['11:00', '11:30']), close: rng.pick(['13:00', '13:30']) })
  if (dinner) intervals.push({ open: rng.pick(['17:00', '17:30']), close: rng.pick(['19:00', '19:30']) })
  const roll = rng.next()
  const days: readonly Weekday[] = roll < 0.1 ? [1, 2, 3, 4, 5] : roll < 0.4 ? [1, 2, 3, 4, 5, 6] : ALL_DAYS
  const meals: Meals = {
    lunch: {
      priceFen: roundTo50(provincial ? rng.int(1500, 1800) : rng.int(1200, 1500)),
      elderPriceFen: roundTo50(provincial ? rng.int(800, 1000) : rng.int(600, 1000)),
    },
  }
  if (breakfast) meals.breakfast = { priceFen: roundTo50(rng.int(500, 800)), elderPriceFen: roundTo50(rng.int(300, 500)) }
  if (dinner) meals.dinner = { priceFen: roundTo50(rng.int(1000, 1500)), elderPriceFen: roundTo50(rng.int(600, 900)) }
  const menu: MenuDay[] | undefined = rng.chance(0.6)
    ? days.map((on) => ({
        on,
        ...(breakfast ? { breakfast: pickSome(rng, ['小米粥', '馒头', '鸡蛋饼', '豆浆', '煮鸡蛋', '咸菜'], 2, 3) } : {}),
        lunch: pickSome(rng, DISHES, 3, 4),
        ...(dinner ? { dinner: pickSome(rng, DISHES, 2, 3) } : {}),
      }))
    : undefined
  return {
    hours: { weekly: sameEveryDay(days, intervals), closedDates: closedDates(rng, 0.6, 0.3) },
    meals,
    ...(menu ? { menu } : {}),
    services: ['堂食', ...pickSome(rng, CANTEEN_SERVICES.slice(1), 0, 2)],
  }
}

function daycareDetails(rng: Random): Pick<Facility, 'hours' | 'meals' | 'services'> {
  const roll = rng.next()
  const weeklyHours =
    roll < 0.6
      ? sameEveryDay([1, 2, 3, 4, 5], [{ open: '08:00', close: '17:30' }])
      : roll < 0.85
        ? sameEveryDay([1, 2, 3, 4, 5, 6], [{ open: '08:30', close: '11:30' }, { open: '14:00', close: '17:30' }])
        : sameEveryDay(ALL_DAYS, [{ open: '08:00', close: '18:00' }])
  const lunch = rng.chance(0.4)
  const services = pickSome(rng, DAYCARE_SERVICES, 3, 5)
  return {
    hours: { weekly: weeklyHours, closedDates: closedDates(rng, 0.5, 0.2) },
    ...(lunch ? { meals: { lunch: { priceFen: roundTo50(rng.int(1000, 1500)), elderPriceFen: roundTo50(rng.int(500, 800)) } } } : {}),
    services: lunch && !services.includes('助餐') ? ['助餐', ...services] : services,
  }
}

function uniqueName(used: Set<string>, make: () => string, fallbackSuffix: (n: number) => string): string {
  for (let i = 0; i < 12; i++) {
    const name = make()
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
  const base = make()
  for (let n = 2; ; n++) {
    const name = `${base}${fallbackSuffix(n)}`
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
}

/** The deterministic sample data set (about 14,000 facilities). */
export function generateShanxiSample(options: SampleOptions = {}): Facility[] {
  const seed = options.seed ?? SAMPLE_SEED
  const counts = { ...SAMPLE_COUNTS, ...options.counts }
  const rng = createRandom(seed)
  const counties = SHANXI_REGIONS.flatMap((city) => city.counties.map((county) => ({ city, county })))
  const towns = new Map(counties.map(({ county }) => [county.code, townsOf(rng, county)]))
  const namesUsed = new Map(counties.map(({ county }) => [county.code, new Set<string>()]))
  const facilities: Facility[] = []

  for (const type of ['institution', 'daycare', 'canteen'] as const) {
    const weights = counties.map(({ county }) => county.population * TYPE_FACTOR[type][county.kind])
    const perCounty = allocate(counts[type], weights, type === 'institution' ? 1 : 2)
    let n = 0
    counties.forEach(({ city, county }, countyIndex) => {
      const countyTowns = towns.get(county.code) as string[]
      const used = namesUsed.get(county.code) as Set<string>
      for (let k = 0; k < (perCounty[countyIndex] as number); k++) {
        n++
        const urban = county.kind === 'district' ? rng.chance(0.85) : rng.chance(URBAN_SHARE[type])
        // In a county the built-up facilities sit in the seat (the first town); villages in the others.
        const townHere =
          county.kind === 'district' ? rng.pick(countyTowns) : urban ? (countyTowns[0] as string) : rng.pick(countyTowns.slice(1))
        const community = rng.pick(COMMUNITIES)
        const villageName = village(rng)
        const externalId = `sample-${type}-${n}`
        const { lat, lng } = place(rng, county, urban)
        const road = `${rng.pick(COMMUNITIES)}${rng.pick(ROAD_ENDINGS)}`
        const address = urban
          ? `山西省${city.name}${county.name}${townHere}${road}${rng.int(1, 399)}号`
          : `山西省${city.name}${county.name}${townHere}${villageName}${rng.pick(['村委会旁', '村委会院内', '中心街', `${rng.int(1, 120)}号`])}`

        let name: string
        let details: Pick<Facility, 'hours' | 'services'> & Partial<Pick<Facility, 'meals' | 'menu' | 'beds'>>
        if (type === 'canteen') {
          name = uniqueName(
            used,
            () =>
              urban
                ? rng.pick([
                    `${county.name}${townHere}老年助餐点`,
                    `${townHere}${community}社区老年助餐点`,
                    `${community}社区长者食堂`,
                    `${county.name}${community}社区幸福食堂`,
                  ])
                : rng.pick([`${villageName}老年幸福食堂`, `${townHere}${villageName}助餐点`]),
            (i) => `（${i}号点）`,
          )
          details = canteenDetails(rng, city)
        } else if (type === 'daycare') {
          name = uniqueName(
            used,
            () =>
              urban
                ? rng.pick([
                    `${community}社区日间照料中心`,
                    `${townHere}${community}社区老年人日间照料中心`,
                    `${county.name}${townHere}综合养老服务中心`,
                  ])
                : rng.pick([`${villageName}农村老年人日间照料中心`, `${townHere}${villageName}日间照料站`]),
            (i) => `（${i}号站）`,
          )
          details = daycareDetails(rng)
        } else {
          const welfare = k === 0
          name = welfare
            ? uniqueName(used, () => `${county.name}社会福利院`, (i) => `（${i}院）`)
            : uniqueName(
                used,
                () => (urban ? `${county.name}${rng.pick(BRANDS)}${rng.pick(INSTITUTION_KINDS)}` : `${townHere}中心敬老院`),
                (i) => `（${i}部）`,
              )
          const total = welfare ? rng.int(80, 300) : urban ? rng.int(30, 400) : rng.int(20, 80)
          details = {
            hours: { ...allDayEveryDay(), closedDates: [] },
            services: pickSome(rng, INSTITUTION_SERVICES, 2, 5),
            beds: { total, available: rng.int(0, Math.floor(total * 0.4)) },
          }
        }

        facilities.push({
          id: facilityIdFor(externalId),
          externalId,
          type,
          name,
          address,
          cityCode: city.code,
          countyCode: county.code,
          lat,
          lng,
          phone: phone(rng, city),
          ...details,
          accessibility: pickSome(rng, ACCESSIBILITY, 0, 3),
          sample: true,
          updatedAt: SAMPLE_UPDATED_AT,
        })
      }
    })
  }
  return facilities
}
