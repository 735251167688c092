import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_LIMIT, type NearbyResult } from '@/domain/care/facility'
import { useElderMode } from '@/components/ElderMode'
import { useStrings } from '@/lib/i18n'
import { useReloadOnToken } from '@/lib/useRemote'
import { platform } from '@/platform'
import { useNearby } from '../hooks/useNearby'
import { fill } from '@/lib/template'
import { countyPlace, readChosenPlace, rememberChosenPlace, searchPoint, type SearchPlace } from '../model/place'
import { defaultFilters, nextLimit, pageSize, type NearbySearch, type SearchFilters } from '../model/search'
import { LocationPrompt } from './LocationPrompt'
import { NearbyResults } from './NearbyResults'
import { PlacePicker } from './PlacePicker'
import { SearchFilterBar } from './SearchFilterBar'
import './CareFinder.scss'

export const facilityDetailUrl = (id: string) => `/subpackages/care/detail/index?id=${encodeURIComponent(id)}`

interface CareFinderProps {
  /** The page bumps this on pull-to-refresh; the search runs again and `onRefreshed` follows. */
  refreshToken?: number
  onRefreshed?(): void
}

/**
 * 找服务: where the person is (their approximate location, or a county they choose), then the
 * nearest canteens, day-care centres and care homes, nearest first, with filters.
 */
export function CareFinder({ refreshToken = 0, onRefreshed }: CareFinderProps) {
  const strings = useStrings().careFinder
  const { elder } = useElderMode()
  const [place, setPlace] = useState<SearchPlace | undefined>(readChosenPlace)
  const [locating, setLocating] = useState(false)
  const [locateFailure, setLocateFailure] = useState<'denied' | 'unavailable'>()
  const [choosing, setChoosing] = useState(false)
  const [filters, setFiltersState] = useState<SearchFilters>(defaultFilters)
  const [pages, setPages] = useState(1)
  const [view, setView] = useState<'list' | 'map'>('list')

  const limit = Math.min(pageSize(elder) * pages, MAX_LIMIT)
  const point = place ? searchPoint(place) : undefined
  const search: NearbySearch | undefined = point ? { ...point, ...filters, limit } : undefined
  const { state, reload } = useNearby(choosing ? undefined : search)

  const setFilters = (next: SearchFilters) => {
    setFiltersState(next)
    setPages(1)
  }

  async function locate() {
    setLocating(true)
    setLocateFailure(undefined)
    const result = await platform.locateApproximately()
    setLocating(false)
    if (result.ok) {
      setPlace({ kind: 'located', ...result.point })
      setPages(1)
      setChoosing(false)
    } else {
      setLocateFailure(result.reason)
      setChoosing(true)
    }
  }

  function choose(countyCode: string) {
    const chosen = countyPlace(countyCode)
    if (!chosen) return
    rememberChosenPlace(countyCode)
    setPlace(chosen)
    setPages(1)
    setChoosing(false)
  }

  const open = (facility: NearbyResult) => Taro.navigateTo({ url: facilityDetailUrl(facility.id) })

  // Pull-to-refresh and coming back: read again, then let the page stop its spinner.
  useReloadOnToken(refreshToken, reload, onRefreshed)

  if (choosing || (!place && locateFailure)) {
    return (
      <PlacePicker
        notice={locateFailure ? strings.location[locateFailure] : undefined}
        initialCityCode={place?.kind === 'county' ? place.city.code : undefined}
        onChoose={choose}
        onLocate={locateFailure === 'denied' ? undefined : () => void locate()}
        onCancel={place ? () => setChoosing(false) : undefined}
      />
    )
  }

  if (!place || !point) {
    return <LocationPrompt locating={locating} onLocate={() => void locate()} onChoosePlace={() => setChoosing(true)} />
  }

  const placeName = place.kind === 'located' ? strings.place.nearMe : fill(strings.place.near, { place: `${place.city.name}${place.county.name}` })
  const more = state.status === 'loaded' && state.response.items.length >= limit ? nextLimit(limit, elder) : undefined

  return (
    <View className='jx-care'>
      <View className='jx-care-place'>
        <View className='jx-title' role='heading' aria-level={1}>
          {placeName}
        </View>
        <View
          className='jx-link'
          role='button'
          aria-label={fill(strings.place.changeLabel, { place: placeName })}
          onClick={() => {
            setLocateFailure(undefined)
            setChoosing(true)
          }}
        >
          {strings.place.change}
        </View>
      </View>
      <SearchFilterBar filters={filters} onChange={setFilters} />
      {platform.hasMap ? (
        <View className='jx-care-chips' role='radiogroup' aria-label={strings.views.label}>
          {(['list', 'map'] as const).map((choice) => (
            <View
              key={choice}
              className={view === choice ? 'jx-care-chip jx-care-chip--selected' : 'jx-care-chip'}
              role='radio'
              aria-checked={view === choice}
              onClick={() => setView(choice)}
            >
              {strings.views[choice]}
            </View>
          ))}
        </View>
      ) : null}
      <NearbyResults
        state={state}
        elder={elder}
        view={platform.hasMap ? view : 'list'}
        centre={point}
        radiusKm={filters.radiusKm}
        openNowOnly={filters.openNow}
        onMore={more !== undefined ? () => setPages((n) => n + 1) : undefined}
        onOpen={open}
        onRetry={() => void reload()}
        onWiden={(radiusKm) => setFilters({ ...filters, radiusKm })}
        onShowClosed={() => setFilters({ ...filters, openNow: false })}
        onChoosePlace={() => setChoosing(true)}
      />
    </View>
  )
}
