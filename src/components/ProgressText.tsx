import { Text } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'
import { fill } from '@/lib/template'

/** "第 3 步，共约 8 步": about, because later answers may add or skip questions. */
export function ProgressText({ n, total }: { n: number; total: number }) {
  const strings = useStrings().questionPage
  return <Text className='jx-muted jx-progress'>{fill(strings.progress, { n, total })}</Text>
}
