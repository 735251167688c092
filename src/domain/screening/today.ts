import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

export const SHANGHAI = 'Asia/Shanghai'

/**
 * Today's date in Shanxi (Asia/Shanghai), as YYYY-MM-DD: the screening date when none is given.
 * China has kept UTC+8 all year since 1991, so a fixed offset is exact for every date the screener
 * can use, needs no Intl time zones (missing in some mini-program engines) and costs microseconds.
 */
export function todayInShanghai(now: Date | number = Date.now()): string {
  return dayjs(now).utcOffset(8 * 60).format('YYYY-MM-DD')
}
