import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { useStrings } from '@/lib/i18n'

export default function ApplicationsPage() {
  const strings = useStrings()
  return (
    <PageShell title={strings.tabs.applications}>
      <View className='jx-card'>
        <Text className='jx-heading'>{strings.applications.empty}</Text>
        <Text className='jx-body'>{strings.applications.notYet}</Text>
      </View>
    </PageShell>
  )
}
