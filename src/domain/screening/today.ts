import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const SHANGHAI = 'Asia/Shanghai'

/** Today's date in Shanxi (Asia/Shanghai), as YYYY-MM-DD: the screening date when none is given. */
export function todayInShanghai(now: Date | number = Date.now()): string {
  try {
    return dayjs(now).tz(SHANGHAI).format('YYYY-MM-DD')
  } catch {
    // Some mini-program JS engines lack Intl time zones; China has kept UTC+8 all year since 1991.
    return dayjs(now).utcOffset(8 * 60).format('YYYY-MM-DD')
  }
}
