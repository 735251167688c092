import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { useStrings } from '@/lib/i18n'

export default function CarePage() {
  const strings = useStrings()
  return (
    <PageShell title={strings.tabs.care}>
      <View className='jx-card'>
        <Text className='jx-heading'>{strings.care.title}</Text>
        <Text className='jx-body'>{strings.care.notYet}</Text>
      </View>
    </PageShell>
  )
}
