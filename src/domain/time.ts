import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

// The one dayjs set-up: the domain is the lowest floor that reads dates, and app and server both run it.
dayjs.extend(utc)
dayjs.extend(timezone)

/** Every date a resident sees is Shanxi's: Asia/Shanghai. */
export const SHANGHAI = 'Asia/Shanghai'

export type DateInput = string | number | Date | Dayjs

// No offset can match: a string matching this is Shanghai wall time.
const WALL_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/

/**
 * Since 1991-09-15 Asia/Shanghai has been UTC+08:00 all year (China ended daylight saving then).
 * From that instant on, a fixed +08:00 offset gives exactly what the tz database gives, without
 * the cost of `Intl` (about 0.1 ms per conversion, which would dominate a nearby search) and
 * without depending on `Intl` time-zone support, which some mini-program engines lack. Earlier
 * instants go through the timezone plugin. A property test holds the two paths equal.
 */
export const FIXED_OFFSET_SINCE_MS = Date.UTC(1991, 8, 14, 17) // 1991-09-15 02:00 +09:00, clocks back to 01:00 +08:00
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** Conversion through the timezone plugin (tz database via Intl); a fixed offset if Intl is missing. */
export function toShanghaiViaTz(at: DateInput): Dayjs {
  const wallTime = typeof at === 'string' && WALL_TIME.test(at)
  try {
    return wallTime ? dayjs.tz(at, SHANGHAI) : dayjs(at).tz(SHANGHAI)
  } catch {
    return wallTime ? dayjs.utc(at).utcOffset(SHANGHAI_OFFSET_MINUTES, true) : dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
  }
}

/**
 * The moment as Asia/Shanghai wall time. Strings without an offset ('2025-03-01',
 * '2025-03-01T12:00') are read as Shanghai wall time; instants (Date, epoch ms, ISO with Z or an
 * offset) are converted.
 */
export function toShanghai(at: DateInput): Dayjs {
  const wallTime = typeof at === 'string' && WALL_TIME.test(at)
  const fixed = wallTime ? dayjs.utc(at).utcOffset(SHANGHAI_OFFSET_MINUTES, true) : dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
  return fixed.isValid() && fixed.valueOf() >= FIXED_OFFSET_SINCE_MS ? fixed : toShanghaiViaTz(at)
}

/** Today's date in Shanxi, as YYYY-MM-DD: the screening date when none is given. */
export function todayInShanghai(now: Date | number = Date.now()): string {
  return toShanghai(now).format('YYYY-MM-DD')
}
