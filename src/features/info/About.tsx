import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useStrings } from '@/lib/i18n'

/** Injected at build time from package.json. */
const version = process.env.TARO_APP_VERSION ?? ''

export function About() {
  const { about: strings, me } = useStrings()
  return (
    <View className='jx-card'>
      <View className='jx-title' role='heading' aria-level={1}>
        {strings.title}
      </View>
      <Text className='jx-body'>{strings.body}</Text>
      <Text className='jx-body'>{strings.disclaimer}</Text>
      {version && <Text className='jx-muted'>{`${strings.version} ${version}`}</Text>}
      <View className='jx-link' role='link' onClick={() => Taro.navigateTo({ url: '/subpackages/info/privacy/index' })}>
        {me.privacy}
      </View>
    </View>
  )
}
