import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useStrings } from '@/lib/i18n'

export function PrivacyGuide() {
  const { privacy: strings, home } = useStrings()
  const hotline = home.hotline
  return (
    <View className='jx-card'>
      <View className='jx-title' role='heading' aria-level={1}>
        {strings.title}
      </View>
      <Text className='jx-body'>{strings.intro}</Text>
      {strings.sections.map((section) => (
        <View key={section.heading}>
          <View className='jx-heading' role='heading' aria-level={2}>
            {section.heading}
          </View>
          <Text className='jx-body'>{section.body}</Text>
        </View>
      ))}
      <Text className='jx-body'>{strings.contact}</Text>
      <Button type='primary' fill='outline' block onClick={() => Taro.makePhoneCall({ phoneNumber: hotline.number })}>
        {hotline.call}
      </Button>
    </View>
  )
}
