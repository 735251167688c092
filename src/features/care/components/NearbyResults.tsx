import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import type { NearbyResult } from '@/domain/care/facility'
import { useStrings } from '@/lib/i18n'
import type { NearbyState } from '../hooks/useNearby'
import { fill } from '@/lib/template'
import { widerRadius } from '../model/search'
import { ActionButton } from '@/components/ActionButton'
import { FacilityMap } from './FacilityMap'
import { FacilityRow } from './FacilityRow'

interface NearbyResultsProps {
  state: NearbyState
  elder: boolean
  view: 'list' | 'map'
  centre: { lat: number; lng: number }
  radiusKm: number
  openNowOnly: boolean
  /** Offered when the list is full and the server could give more. */
  onMore?(): void
  onOpen(facility: NearbyResult): void
  onRetry(): void
  onWiden(radiusKm: number): void
  onShowClosed(): void
  onChoosePlace(): void
}

/** Skeletons while loading, the rows (or the map), and plain words with a way forward when there is nothing or an error. */
export function NearbyResults(props: NearbyResultsProps) {
  const { state, elder, view, radiusKm } = props
  const strings = useStrings()
  const care = strings.careFinder

  if (state.status === 'idle' || state.status === 'loading') {
    return (
      <View className='jx-care-results' aria-busy='true'>
        <View className='jx-care-sr-only' role='status'>
          {care.list.loading}
        </View>
        {Array.from({ length: elder ? 2 : 3 }, (_, i) => (
          <View key={i} className='jx-care-row jx-care-row--skeleton' aria-hidden='true'>
            <Skeleton rows={elder ? 3 : 4} animated />
          </View>
        ))}
      </View>
    )
  }

  if (state.status === 'error') {
    return (
      <View className='jx-card jx-care-results' role='alert'>
        <Text className='jx-heading'>{care.error.heading}</Text>
        <Text className='jx-body'>{state.message ?? strings.errors.server}</Text>
        <ActionButton primary label={care.error.retry} onClick={props.onRetry} />
      </View>
    )
  }

  const { items } = state.response
  if (items.length === 0) {
    const wider = widerRadius(radiusKm)
    return (
      <View className='jx-card jx-care-results' role='status'>
        <Text className='jx-heading'>{fill(care.empty.heading, { radius: radiusKm })}</Text>
        <Text className='jx-body'>{props.openNowOnly ? care.empty.openNowBody : care.empty.body}</Text>
        {wider !== undefined ? (
          <ActionButton primary label={fill(care.empty.widen, { radius: wider })} onClick={() => props.onWiden(wider)} />
        ) : null}
        {props.openNowOnly ? (
          <ActionButton label={care.empty.showClosed} onClick={props.onShowClosed} />
        ) : null}
        <ActionButton label={care.empty.choosePlace} onClick={props.onChoosePlace} />
      </View>
    )
  }

  return (
    <View className='jx-care-results'>
      <View className='jx-muted' role='status'>
        {fill(care.list.summary, { radius: state.response.radiusKm, count: items.length })}
      </View>
      {items.some((item) => item.sample) ? <Text className='jx-care-notice jx-body'>{care.list.sampleNotice}</Text> : null}
      {view === 'map' ? (
        <FacilityMap centre={props.centre} facilities={items} onOpen={props.onOpen} />
      ) : (
        <View className='jx-care-list' role='list'>
          {items.map((facility) => (
            <View key={facility.id} role='listitem'>
              <FacilityRow facility={facility} elder={elder} onOpen={props.onOpen} />
            </View>
          ))}
        </View>
      )}
      {props.onMore ? (
        <ActionButton label={care.list.more} onClick={props.onMore} />
      ) : null}
    </View>
  )
}
