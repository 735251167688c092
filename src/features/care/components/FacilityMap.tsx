import { Map as TaroMap, View } from '@tarojs/components'
import type { NearbyResult } from '@/domain/care/facility'
import { useStrings } from '@/lib/i18n'

interface FacilityMapProps {
  centre: { lat: number; lng: number }
  facilities: NearbyResult[]
  onOpen(facility: NearbyResult): void
}

// The tab bar's own icon, already in the main package: a marker costs no extra bytes.
const markerIcon = '/assets/tabbar/care-active.png'

/** WeChat's map with one marker per place; tapping a marker's bubble opens the place. Only where `platform.hasMap`. */
export function FacilityMap({ centre, facilities, onOpen }: FacilityMapProps) {
  const strings = useStrings().careFinder
  const markers = facilities.map((facility, index) => ({
    id: index,
    latitude: facility.lat,
    longitude: facility.lng,
    iconPath: markerIcon,
    width: 32,
    height: 32,
    ariaLabel: [facility.name, strings.types[facility.type]].join(strings.list.separator),
    callout: {
      content: facility.name,
      display: 'BYCLICK' as const,
      textAlign: 'center' as const,
      fontSize: 16,
      color: '#1f2329',
      bgColor: '#ffffff',
      padding: 8,
      borderRadius: 8,
      borderWidth: 1,
      borderColor: '#1a56b0',
      anchorX: 0,
      anchorY: 0,
    },
  }))
  const openMarker = (markerId: number) => {
    const facility = facilities[markerId]
    if (facility) onOpen(facility)
  }
  return (
    <View className='jx-care-map' aria-label={strings.list.mapLabel}>
      <TaroMap
        className='jx-care-map__map'
        latitude={centre.lat}
        longitude={centre.lng}
        scale={13}
        markers={markers}
        includePoints={[centre, ...facilities].map((p) => ({ latitude: p.lat, longitude: p.lng }))}
        onCalloutTap={(event) => openMarker(Number(event.detail.markerId))}
        onError={() => undefined}
      />
    </View>
  )
}
