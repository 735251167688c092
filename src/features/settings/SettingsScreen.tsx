import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Switch } from '@nutui/nutui-react-taro'
import { useElderMode } from '@/components/ElderMode'
import { useStrings } from '@/lib/i18n'
import './SettingsScreen.scss'

export function SettingsScreen() {
  const strings = useStrings().me
  const { elder, setElder } = useElderMode()
  return (
    <View className='jx-settings'>
      {/* The whole row is the switch: a large target with one label for screen readers. */}
      <View
        className='jx-settings__row jx-card'
        role='switch'
        aria-checked={elder}
        aria-label={strings.elderMode}
        onClick={() => setElder(!elder)}
      >
        <View className='jx-settings__label'>
          <Text className='jx-heading'>{strings.elderMode}</Text>
          <Text className='jx-muted'>{strings.elderModeHint}</Text>
        </View>
        <View aria-hidden='true' className='jx-settings__switch'>
          <Switch checked={elder} />
        </View>
      </View>
      <Cell.Group>
        <Cell title={strings.language} description={strings.languageHint} extra={strings.languageName} />
        <Cell
          title={strings.privacy}
          description={strings.privacyHint}
          clickable
          onClick={() => Taro.navigateTo({ url: '/subpackages/info/privacy/index' })}
        />
        <Cell title={strings.about} clickable onClick={() => Taro.navigateTo({ url: '/subpackages/info/about/index' })} />
      </Cell.Group>
    </View>
  )
}
