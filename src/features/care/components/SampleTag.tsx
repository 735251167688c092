import { Text } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'

/** 示例数据: every generated record says so wherever it appears. */
export function SampleTag() {
  return <Text className='jx-care-tag'>{useStrings().careFinder.list.sample}</Text>
}
