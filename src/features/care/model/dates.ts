import type { Weekday } from '@/domain/care/openingHours'
import { toShanghai } from '@/domain/time'
import type { Messages } from '@/locales'
import { fill } from '@/lib/template'

type CareStrings = Messages['careFinder']

function isoWeekday(day: number): Weekday {
  return (day === 0 ? 7 : day) as Weekday
}

/** '2026-02-16' → '2月16日（周一）', in Asia/Shanghai. */
export function closedDateText(date: string, strings: CareStrings): string {
  const local = toShanghai(date)
  return fill(strings.detail.closedDate, { month: local.month() + 1, day: local.date(), weekday: strings.weekdays[isoWeekday(local.day())] })
}

/** '2025-06-30T08:00:00+08:00' → '2025年6月30日', in Asia/Shanghai. */
export function updatedDateText(updatedAt: string, strings: CareStrings): string {
  const local = toShanghai(updatedAt)
  return fill(strings.detail.updatedDate, { year: local.year(), month: local.month() + 1, day: local.date() })
}
