import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'
import { homeEntries, type HomeEntry } from './entries'
import './HomeScreen.scss'

function open(entry: HomeEntry) {
  if (entry.tab) Taro.switchTab({ url: entry.url })
  else Taro.navigateTo({ url: entry.url })
}

export function HomeScreen({ entries = homeEntries }: { entries?: HomeEntry[] }) {
  const strings = useStrings()
  const home = strings.home
  return (
    <View className='jx-home'>
      <View className='jx-home__hello'>
        <Text className='jx-title'>{home.greeting}</Text>
        <Text className='jx-muted'>{strings.app.tagline}</Text>
      </View>
      {entries.length > 0 ? (
        <View className='jx-home__entries'>
          {entries.map((entry) => (
            <View key={entry.id} className='jx-home__entry' role='link' aria-label={home.entries[entry.id].title} onClick={() => open(entry)}>
              <Text className='jx-heading'>{home.entries[entry.id].title}</Text>
              <Text className='jx-muted'>{home.entries[entry.id].body}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='jx-body'>{home.comingSoon}</Text>
      )}
      <View className='jx-card jx-home__hotline'>
        <Text className='jx-heading'>{home.hotline.title}</Text>
        <Text className='jx-body'>{home.hotline.body}</Text>
        <Button type='primary' block size='large' onClick={() => Taro.makePhoneCall({ phoneNumber: home.hotline.number })}>
          {home.hotline.call}
        </Button>
      </View>
    </View>
  )
}
