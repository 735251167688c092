import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SHANXI_REGIONS, findCity } from '@/domain/care/regions'
import { useStrings } from '@/lib/i18n'
import { fill } from '@/lib/template'
import { ActionButton } from '@/components/ActionButton'

interface PlacePickerProps {
  /** Why the picker is showing instead of a location (location refused or unavailable). */
  notice?: string
  /** Starts on this city's counties (the one chosen before). */
  initialCityCode?: string
  onChoose(countyCode: string): void
  /** Offered when asking for the location is still worth a try. */
  onLocate?(): void
  /** Offered when there is already a place to go back to. */
  onCancel?(): void
}

/**
 * City, then county: two short lists of large buttons rather than a scrolling wheel, which is
 * hard to turn with a shaky finger and hard to use with a screen reader.
 */
export function PlacePicker({ notice, initialCityCode, onChoose, onLocate, onCancel }: PlacePickerProps) {
  const strings = useStrings().careFinder
  const [cityCode, setCityCode] = useState(initialCityCode)
  const city = cityCode ? findCity(cityCode) : undefined
  return (
    <View className='jx-card jx-care-picker'>
      {notice ? (
        <View className='jx-body jx-care-notice' role='status'>
          {notice}
        </View>
      ) : null}
      <View className='jx-title' role='heading' aria-level={1}>
        {strings.picker.heading}
      </View>
      <Text className='jx-muted'>{strings.picker.hint}</Text>
      {city ? (
        <View className='jx-care-picker__step' role='group' aria-label={fill(strings.picker.counties, { city: city.name })}>
          <View className='jx-heading' role='heading' aria-level={2}>
            {fill(strings.picker.counties, { city: city.name })}
          </View>
          <View className='jx-care-choices'>
            {city.counties.map((county) => (
              <View key={county.code} className='jx-care-choice' role='button' onClick={() => onChoose(county.code)}>
                {county.name}
              </View>
            ))}
          </View>
          <View className='jx-link' role='button' onClick={() => setCityCode(undefined)}>
            {strings.picker.otherCity}
          </View>
        </View>
      ) : (
        <View className='jx-care-picker__step' role='group' aria-label={strings.picker.cities}>
          <View className='jx-heading' role='heading' aria-level={2}>
            {strings.picker.cities}
          </View>
          <View className='jx-care-choices'>
            {SHANXI_REGIONS.map((choice) => (
              <View key={choice.code} className='jx-care-choice' role='button' onClick={() => setCityCode(choice.code)}>
                {choice.name}
              </View>
            ))}
          </View>
        </View>
      )}
      {onLocate ? (
        <ActionButton label={strings.location.useLocation} onClick={onLocate} />
      ) : null}
      {onCancel ? (
        <ActionButton label={strings.picker.cancel} onClick={onCancel} />
      ) : null}
    </View>
  )
}
