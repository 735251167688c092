import { Text, View } from '@tarojs/components'
import type { NearbyResult } from '@/domain/care/facility'
import { useStrings } from '@/lib/i18n'
import { elderPriceText } from '../model/describe'
import { distanceText } from '../model/format'
import { SampleTag } from './SampleTag'

interface FacilityRowProps {
  facility: NearbyResult
  /** Elder mode: fewer lines, larger text. */
  elder: boolean
  onOpen(facility: NearbyResult): void
}

/** One place in the list: what it is, how far, whether it is open, and what a meal costs an older person. */
export function FacilityRow({ facility, elder, onOpen }: FacilityRowProps) {
  const strings = useStrings().careFinder
  const distance = distanceText(facility.distanceM, strings.distance)
  const status = facility.openNow ? strings.list.openNow : strings.list.closed
  const price = elderPriceText(facility.meals, strings)
  const type = strings.types[facility.type]
  // Read as one sentence by screen readers; the same facts are on screen.
  const label = [facility.name, type, distance, status, facility.todayHours, price, facility.sample ? strings.list.sample : undefined]
    .filter(Boolean)
    .join(strings.list.separator)
  return (
    <View className='jx-care-row' role='link' aria-label={label} onClick={() => onOpen(facility)}>
      <View className='jx-care-row__top'>
        <Text className='jx-heading jx-care-row__name'>{facility.name}</Text>
        <Text className='jx-care-row__distance'>{distance}</Text>
      </View>
      <View className='jx-care-row__line'>
        <Text className='jx-care-row__type'>{type}</Text>
        {facility.sample ? <SampleTag /> : null}
      </View>
      <View className='jx-care-row__line'>
        <Text className={facility.openNow ? 'jx-care-status jx-care-status--open' : 'jx-care-status'}>{status}</Text>
        <Text className='jx-care-row__hours'>{facility.todayHours}</Text>
      </View>
      {price ? <Text className='jx-care-row__price'>{price}</Text> : null}
      {elder ? null : <Text className='jx-muted jx-care-row__address'>{facility.address}</Text>}
    </View>
  )
}
