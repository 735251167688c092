import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { FACILITY_TYPES } from '@/domain/care/facility'
import { useStrings } from '@/lib/i18n'
import { fill } from '@/lib/template'
import { RADIUS_CHOICES_KM, type SearchFilters, type TypeFilter } from '../model/search'

interface SearchFilterBarProps {
  filters: SearchFilters
  onChange(filters: SearchFilters): void
}

interface ChoiceProps {
  label: string
  selected: boolean
  onSelect(): void
}

function Choice({ label, selected, onSelect }: ChoiceProps) {
  return (
    <View
      className={selected ? 'jx-care-chip jx-care-chip--selected' : 'jx-care-chip'}
      role='radio'
      aria-checked={selected}
      onClick={onSelect}
    >
      {label}
    </View>
  )
}

/** Type, open now and distance: each a short row of large choices, every one labelled. */
export function SearchFilterBar({ filters, onChange }: SearchFilterBarProps) {
  const strings = useStrings().careFinder
  const types: TypeFilter[] = ['all', ...FACILITY_TYPES]
  // A search widened past the choices (to 50 km) shows its radius as the selected choice.
  const radii: number[] = RADIUS_CHOICES_KM.includes(filters.radiusKm as (typeof RADIUS_CHOICES_KM)[number])
    ? [...RADIUS_CHOICES_KM]
    : [...RADIUS_CHOICES_KM, filters.radiusKm]
  return (
    <View className='jx-care-filters'>
      <View className='jx-care-filters__group' role='radiogroup' aria-label={strings.filters.type}>
        <Text className='jx-care-filters__label' aria-hidden='true'>
          {strings.filters.type}
        </Text>
        <View className='jx-care-chips'>
          {types.map((type) => (
            <Choice
              key={type}
              label={type === 'all' ? strings.filters.all : strings.typeFilters[type]}
              selected={filters.type === type}
              onSelect={() => onChange({ ...filters, type })}
            />
          ))}
        </View>
      </View>
      {/* The whole row is the switch: a large target with one label for screen readers. */}
      <View
        className='jx-care-filters__switch'
        role='switch'
        aria-checked={filters.openNow}
        aria-label={strings.filters.openNow}
        onClick={() => onChange({ ...filters, openNow: !filters.openNow })}
      >
        <View className='jx-care-filters__switch-text'>
          <Text className='jx-body'>{strings.filters.openNow}</Text>
          <Text className='jx-muted'>{strings.filters.openNowHint}</Text>
        </View>
        <View aria-hidden='true'>
          <Switch checked={filters.openNow} />
        </View>
      </View>
      <View className='jx-care-filters__group' role='radiogroup' aria-label={strings.filters.distance}>
        <Text className='jx-care-filters__label' aria-hidden='true'>
          {strings.filters.distance}
        </Text>
        <View className='jx-care-chips'>
          {radii.map((radiusKm) => (
            <Choice
              key={radiusKm}
              label={fill(strings.filters.km, { n: radiusKm })}
              selected={filters.radiusKm === radiusKm}
              onSelect={() => onChange({ ...filters, radiusKm })}
            />
          ))}
        </View>
      </View>
    </View>
  )
}
