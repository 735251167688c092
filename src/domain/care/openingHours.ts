import type { Dayjs } from 'dayjs'
import { z } from 'zod'
import { type DateInput, toShanghai } from '../time'

/**
 * Weekly opening hours and how to read them, always in Asia/Shanghai.
 *
 * Rules (decided here, relied on by the index, the server and the app):
 * - Weekdays are ISO numbers: 1 = Monday (周一) … 7 = Sunday (周日).
 * - An interval is half-open, [open, close): a place is OPEN at its opening minute and CLOSED at
 *   its closing minute. 11:00–13:30 is open at 11:00:00 and at 13:29:59, closed at 13:30:00.
 * - `close` may be `24:00` (until midnight). `00:00–24:00` is open all day.
 * - An interval whose close is earlier than its open runs overnight: `22:00–06:00` on Friday is
 *   open from Friday 22:00 to Saturday 06:00. The part after midnight counts on Saturday even if
 *   Saturday itself has no hours.
 * - A day's hours belong to the day they start. A closed date (holiday, `closedDates`) cancels the
 *   intervals that START on that date; the tail of an overnight interval begun the evening before
 *   still runs (the place opened before the holiday began).
 * - Several intervals on one day are breaks (06:30–09:00, 11:00–13:30); they may not overlap.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日',
}

const OPEN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const CLOSE_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/

/** Minutes after midnight of 'HH:mm' ('24:00' → 1440). */
export function clockToMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))
}

export const Interval = z
  .object({
    open: z.string({ error: '请填写开始时间' }).regex(OPEN_TIME, { error: '开始时间应为 HH:mm（00:00–23:59）' }),
    close: z.string({ error: '请填写结束时间' }).regex(CLOSE_TIME, { error: '结束时间应为 HH:mm（00:00–24:00）' }),
  })
  .refine((iv) => !OPEN_TIME.test(iv.open) || !CLOSE_TIME.test(iv.close) || clockToMinutes(iv.open) !== clockToMinutes(iv.close), {
    error: '开始和结束时间不能相同（全天开放请写 00:00–24:00）',
  })
export type Interval = z.infer<typeof Interval>

/** End of an interval in minutes after the start of its own day (may pass 1440 when overnight). */
function endMinute(iv: Interval): number {
  const open = clockToMinutes(iv.open)
  const close = clockToMinutes(iv.close)
  return close > open ? close : close + 1440
}

const DayIntervals = z
  .array(Interval, { error: '每天的营业时间应为时段列表（休息日写空列表）' })
  .max(8, { error: '一天最多 8 个时段' })
  .superRefine((intervals, ctx) => {
    const sorted = intervals
      .map((iv, index) => ({ iv, index }))
      .filter(({ iv }) => OPEN_TIME.test(iv.open) && CLOSE_TIME.test(iv.close))
      .sort((a, b) => clockToMinutes(a.iv.open) - clockToMinutes(b.iv.open))
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1] as { iv: Interval; index: number }
      const after = sorted[i] as { iv: Interval; index: number }
      if (endMinute(before.iv) > clockToMinutes(after.iv.open)) {
        ctx.addIssue({
          code: 'custom',
          path: [after.index],
          message: `时段 ${after.iv.open}–${after.iv.close} 与 ${before.iv.open}–${before.iv.close} 重叠`,
        })
      }
    }
  })

export const WeeklyHours = z.object(
  {
    1: DayIntervals,
    2: DayIntervals,
    3: DayIntervals,
    4: DayIntervals,
    5: DayIntervals,
    6: DayIntervals,
    7: DayIntervals,
  },
  { error: '每周营业时间应包含周一到周日（键 1–7）' },
)
export type WeeklyHours = z.infer<typeof WeeklyHours>

export const IsoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD' })

export const OpeningHours = z
  .object({
    weekly: WeeklyHours,
    /** Dates (Asia/Shanghai, YYYY-MM-DD) on which the place does not open: holidays, closures. */
    closedDates: z.array(IsoDate).max(400).default([]),
  }, { error: '请填写营业时间 hours' })
  .superRefine((hours, ctx) => {
    // An overnight interval must end before the next day's first interval starts.
    for (const day of WEEKDAYS) {
      const next = ((day % 7) + 1) as Weekday
      const today = hours.weekly[day]
      const tomorrow = hours.weekly[next]
      for (const iv of today) {
        if (!OPEN_TIME.test(iv.open) || !CLOSE_TIME.test(iv.close)) continue
        const spill = endMinute(iv) - 1440
        if (spill <= 0) continue
        for (const later of tomorrow) {
          if (OPEN_TIME.test(later.open) && clockToMinutes(later.open) < spill) {
            ctx.addIssue({
              code: 'custom',
              path: ['weekly', next],
              message: `${WEEKDAY_LABELS[day]}跨夜时段 ${iv.open}–次日${iv.close} 与${WEEKDAY_LABELS[next]} ${later.open} 开始的时段重叠`,
            })
          }
        }
      }
    }
  })
export type OpeningHours = z.infer<typeof OpeningHours>

/** Open every day, all day (care homes). */
export function allDayEveryDay(): OpeningHours {
  const day = (): Interval[] => [{ open: '00:00', close: '24:00' }]
  return { weekly: { 1: day(), 2: day(), 3: day(), 4: day(), 5: day(), 6: day(), 7: day() }, closedDates: [] }
}

// ---- Time in Asia/Shanghai ----

/** The parts of a moment that opening hours depend on, computed once per query. */
export interface LocalMoment {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string
  weekday: Weekday
  /** Minutes after local midnight, seconds dropped. */
  minute: number
  prevDate: string
  prevWeekday: Weekday
}

function isoWeekday(d: Dayjs): Weekday {
  const day = d.day()
  return (day === 0 ? 7 : day) as Weekday
}

export function localMoment(at: DateInput): LocalMoment {
  const local = toShanghai(at)
  if (!local.isValid()) throw new RangeError(`invalid date: ${String(at)}`)
  const prev = local.subtract(1, 'day')
  return {
    date: local.format('YYYY-MM-DD'),
    weekday: isoWeekday(local),
    minute: local.hour() * 60 + local.minute(),
    prevDate: prev.format('YYYY-MM-DD'),
    prevWeekday: isoWeekday(prev),
  }
}

// ---- Evaluation ----

interface CompiledHours {
  /** Per weekday (index 1–7): flat [open, close] minute pairs; overnight pairs have close < open. */
  days: Int16Array[]
  closed: ReadonlySet<string>
}

const compiled = new WeakMap<OpeningHours, CompiledHours>()

function compile(hours: OpeningHours): CompiledHours {
  const cached = compiled.get(hours)
  if (cached) return cached
  const days: Int16Array[] = [new Int16Array(0)]
  for (const day of WEEKDAYS) {
    const intervals = hours.weekly[day]
    const pairs = new Int16Array(intervals.length * 2)
    intervals.forEach((iv, i) => {
      pairs[2 * i] = clockToMinutes(iv.open)
      pairs[2 * i + 1] = clockToMinutes(iv.close)
    })
    days.push(pairs)
  }
  const result = { days, closed: new Set(hours.closedDates) }
  compiled.set(hours, result)
  return result
}

/** Whether the place is open at a precomputed local moment (fast path for searches). */
export function isOpenAtMoment(hours: OpeningHours, m: LocalMoment): boolean {
  const c = compile(hours)
  if (!c.closed.has(m.date)) {
    const pairs = c.days[m.weekday] as Int16Array
    for (let i = 0; i < pairs.length; i += 2) {
      const open = pairs[i] as number
      const close = pairs[i + 1] as number
      if (close > open ? m.minute >= open && m.minute < close : m.minute >= open) return true
    }
  }
  if (!c.closed.has(m.prevDate)) {
    const pairs = c.days[m.prevWeekday] as Int16Array
    for (let i = 0; i < pairs.length; i += 2) {
      const open = pairs[i] as number
      const close = pairs[i + 1] as number
      if (close < open && m.minute < close) return true
    }
  }
  return false
}

/** Whether the place is open at `at` (Asia/Shanghai). */
export function isOpenAt(hours: OpeningHours, at: DateInput): boolean {
  return isOpenAtMoment(hours, localMoment(at))
}

/** The intervals that start on `date` (none on a closed date), sorted by opening time. */
export function intervalsOn(hours: OpeningHours, date: DateInput): Interval[] {
  const local = toShanghai(date)
  if (hours.closedDates.includes(local.format('YYYY-MM-DD'))) return []
  return [...hours.weekly[isoWeekday(local)]].sort((a, b) => clockToMinutes(a.open) - clockToMinutes(b.open))
}

/** '06:30–09:00, 11:00–13:30', '22:00–次日06:00', '24小时'; '' when there are none. */
export function formatIntervals(intervals: readonly Interval[]): string {
  if (intervals.length === 1 && intervals[0]?.open === '00:00' && intervals[0].close === '24:00') return '24小时'
  return intervals
    .map((iv) => (clockToMinutes(iv.close) < clockToMinutes(iv.open) ? `${iv.open}–次日${iv.close}` : `${iv.open}–${iv.close}`))
    .join(', ')
}

/**
 * Human text for one day's hours: '今日 06:30–09:00, 11:00–13:30', '今日 24小时' or '今日休息'.
 * `label` replaces '今日' (e.g. '周三', '明日').
 */
export function hoursOn(hours: OpeningHours, date: DateInput, label = '今日'): string {
  const intervals = intervalsOn(hours, date)
  return intervals.length === 0 ? `${label}休息` : `${label} ${formatIntervals(intervals)}`
}

export interface WeekdayHours {
  weekday: Weekday
  label: string
  /** '08:00–17:30' or '休息'. */
  text: string
}

/** The regular week, Monday first, for a detail page (closed dates are listed separately). */
export function weekHours(hours: OpeningHours): WeekdayHours[] {
  return WEEKDAYS.map((weekday) => {
    const intervals = [...hours.weekly[weekday]].sort((a, b) => clockToMinutes(a.open) - clockToMinutes(b.open))
    return { weekday, label: WEEKDAY_LABELS[weekday], text: intervals.length === 0 ? '休息' : formatIntervals(intervals) }
  })
}
