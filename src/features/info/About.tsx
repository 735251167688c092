import { Text, View } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'

/** Injected at build time from package.json. */
const version = process.env.TARO_APP_VERSION ?? ''

export function About() {
  const strings = useStrings().about
  return (
    <View className='jx-card'>
      <Text className='jx-title' role='heading' aria-level={1}>
        {strings.title}
      </Text>
      <Text className='jx-body'>{strings.body}</Text>
      <Text className='jx-body'>{strings.disclaimer}</Text>
      {version && <Text className='jx-muted'>{`${strings.version} ${version}`}</Text>}
    </View>
  )
}
