import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { useStrings } from '@/lib/i18n'

interface LocationPromptProps {
  locating: boolean
  onLocate(): void
  onChoosePlace(): void
}

/** Why the location is wanted, before WeChat or the browser asks for it; choosing a place is the equal alternative. */
export function LocationPrompt({ locating, onLocate, onChoosePlace }: LocationPromptProps) {
  const strings = useStrings()
  const location = strings.careFinder.location
  return (
    <View className='jx-card jx-care-prompt'>
      <View className='jx-title' role='heading' aria-level={1}>
        {strings.care.title}
      </View>
      <Text className='jx-body'>{location.why}</Text>
      <ActionButton primary loading={locating} label={locating ? location.locating : location.useLocation} onClick={onLocate} />
      <ActionButton label={location.choosePlace} onClick={onChoosePlace} />
    </View>
  )
}
