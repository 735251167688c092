import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.locale('zh-cn')

/** Every date a resident sees is in Shanxi's time zone. */
export const shanghai = 'Asia/Shanghai'

export function nowInShanghai(): dayjs.Dayjs {
  return dayjs().tz(shanghai)
}

export { dayjs }
