import { fill } from '@/lib/template'
import { daysUntil } from '@/domain/claims'

export interface DueStrings {
  today: string
  days: string
  overdue: string
}

/** How long is left until a due date, in words: 还有 5 天 / 今天截止 / 已过截止日期 2 天. */
export function dueText(date: string, strings: DueStrings, now: Date | number = Date.now()): string {
  const days = daysUntil(date, now)
  if (days > 0) return fill(strings.days, { n: days })
  return days === 0 ? strings.today : fill(strings.overdue, { n: -days })
}
