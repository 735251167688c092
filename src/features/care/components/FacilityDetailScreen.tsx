import { useEffect, type ReactNode } from 'react'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MEAL_KINDS, type FacilityDetail } from '@/domain/care/facility'
import { useStrings } from '@/lib/i18n'
import { platform } from '@/platform'
import { useFacility } from '../hooks/useFacility'
import { closedDateText, updatedDateText } from '../model/dates'
import { fill } from '@/lib/template'
import { yuan } from '../model/format'
import { ActionButton } from '@/components/ActionButton'
import { LoadingCards } from '@/components/LoadingCards'
import { SampleTag } from './SampleTag'
import './CareFinder.scss'
import './FacilityDetailScreen.scss'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='jx-card jx-care-section'>
      <View className='jx-heading' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  )
}

function Lines({ items }: { items: readonly string[] }) {
  return (
    <View className='jx-care-lines' role='list'>
      {items.map((item) => (
        <View key={item} className='jx-body' role='listitem'>
          {item}
        </View>
      ))}
    </View>
  )
}

/** One place in full: when it is open, what it offers and costs, and how to call or get there. */
export function FacilityDetailScreen({ id, onLoaded }: { id: string | undefined; onLoaded?(facility: FacilityDetail): void }) {
  const strings = useStrings()
  const care = strings.careFinder
  const { state, reload } = useFacility(id)
  const loaded = state.status === 'loaded' ? state.facility : undefined
  useEffect(() => {
    if (loaded) onLoaded?.(loaded)
  }, [loaded, onLoaded])

  if (state.status === 'loading') return <LoadingCards label={care.detail.loading} rows={[3, 5]} />
  if (state.status === 'not_found') {
    return (
      <View className='jx-card' role='alert'>
        <Text className='jx-body'>{care.detail.notFound}</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className='jx-card' role='alert'>
        <Text className='jx-heading'>{care.error.heading}</Text>
        <Text className='jx-body'>{state.message ?? strings.errors.server}</Text>
        <ActionButton primary label={care.error.retry} onClick={reload} />
      </View>
    )
  }
  return <FacilityDetailView facility={state.facility} />
}

function FacilityDetailView({ facility }: { facility: FacilityDetail }) {
  const care = useStrings().careFinder
  const detail = care.detail
  const menu = facility.todayMenu
  const meals = facility.meals
  const mealKinds = MEAL_KINDS.filter((kind) => meals?.[kind] !== undefined)
  const menuKinds = MEAL_KINDS.filter((kind) => (menu?.[kind]?.length ?? 0) > 0)
  return (
    <View className='jx-care-detail'>
      <View className='jx-card jx-care-detail__head'>
        <View className='jx-title' role='heading' aria-level={1}>
          {facility.name}
        </View>
        <View className='jx-care-row__line'>
          <Text className='jx-body'>{care.types[facility.type]}</Text>
          {facility.sample ? <SampleTag /> : null}
        </View>
        <View className='jx-care-row__line'>
          <Text className={facility.openNow ? 'jx-care-status jx-care-status--open' : 'jx-care-status'}>
            {facility.openNow ? care.list.openNow : care.list.closed}
          </Text>
          <Text className='jx-care-row__hours'>{facility.todayHours}</Text>
        </View>
        {facility.sample ? <Text className='jx-care-notice jx-body'>{detail.sampleNotice}</Text> : null}
        <View className='jx-care-detail__actions'>
          {facility.phone ? (
            <ActionButton
              primary
              label={detail.call}
              accessibleName={fill(detail.callLabel, { name: facility.name, phone: facility.phone })}
              onClick={() => void Taro.makePhoneCall({ phoneNumber: facility.phone ?? '' })}
            />
          ) : null}
          <ActionButton
            label={detail.navigate}
            accessibleName={fill(detail.navigateLabel, { name: facility.name })}
            onClick={() => platform.openMap({ lat: facility.lat, lng: facility.lng, name: facility.name, address: facility.address })}
          />
          {platform.canShareFromButton ? (
            <NativeButton className='jx-button' openType='share' aria-label={detail.share}>
              {detail.share}
            </NativeButton>
          ) : null}
        </View>
      </View>

      <Section title={detail.address}>
        <Text className='jx-body'>{facility.address}</Text>
        {facility.phone ? <Text className='jx-body'>{facility.phone}</Text> : null}
      </Section>

      {mealKinds.length > 0 && meals ? (
        <Section title={detail.prices}>
          <View className='jx-care-lines' role='list'>
            {mealKinds.map((kind) => {
              const price = meals[kind]
              return price ? (
                <View key={kind} className='jx-care-price' role='listitem'>
                  <Text className='jx-body jx-care-price__meal'>{care.meals[kind]}</Text>
                  <Text className='jx-body'>{fill(detail.price, { price: yuan(price.priceFen), elderPrice: yuan(price.elderPriceFen) })}</Text>
                </View>
              ) : null
            })}
          </View>
        </Section>
      ) : null}

      {menu && menuKinds.length > 0 ? (
        <Section title={detail.menu}>
          {menuKinds.map((kind) => (
            <View key={kind} className='jx-care-price'>
              <Text className='jx-body jx-care-price__meal'>{care.meals[kind]}</Text>
              <Text className='jx-body'>{(menu[kind] ?? []).join(care.list.separator)}</Text>
            </View>
          ))}
        </Section>
      ) : null}

      <Section title={detail.hours}>
        <View className='jx-care-lines' role='list'>
          {facility.weekHours.map((day) => (
            <View key={day.weekday} className='jx-care-price' role='listitem'>
              <Text className='jx-body jx-care-price__meal'>{care.weekdays[day.weekday as keyof typeof care.weekdays]}</Text>
              <Text className='jx-body'>{day.text}</Text>
            </View>
          ))}
        </View>
        {facility.upcomingClosedDates.length > 0 ? (
          <View className='jx-care-section__sub'>
            <Text className='jx-body jx-care-price__meal'>{detail.closedDates}</Text>
            <Lines items={facility.upcomingClosedDates.map((date) => closedDateText(date, care))} />
          </View>
        ) : null}
      </Section>

      {facility.services.length > 0 ? (
        <Section title={detail.services}>
          <Lines items={facility.services} />
        </Section>
      ) : null}

      {facility.beds ? (
        <Section title={detail.beds}>
          <Text className='jx-body'>
            {facility.beds.available !== undefined
              ? fill(detail.bedsAvailable, { total: facility.beds.total, available: facility.beds.available })
              : fill(detail.bedsTotal, { total: facility.beds.total })}
          </Text>
        </Section>
      ) : null}

      {facility.accessibility.length > 0 ? (
        <Section title={detail.accessibility}>
          <Lines items={facility.accessibility} />
        </Section>
      ) : null}

      <Text className='jx-muted'>{fill(detail.updated, { date: updatedDateText(facility.updatedAt, care) })}</Text>
    </View>
  )
}
