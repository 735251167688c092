import { Text, View } from '@tarojs/components'
import { useStrings } from '@/lib/i18n'

export function PrivacyGuide() {
  const strings = useStrings().privacy
  return (
    <View className='jx-card'>
      <Text className='jx-title' role='heading' aria-level={1}>
        {strings.title}
      </Text>
      <Text className='jx-body'>{strings.intro}</Text>
      {strings.sections.map((section) => (
        <View key={section.heading}>
          <Text className='jx-heading' role='heading' aria-level={2}>
            {section.heading}
          </Text>
          <Text className='jx-body'>{section.body}</Text>
        </View>
      ))}
      <Text className='jx-muted'>{strings.contact}</Text>
    </View>
  )
}
