import { View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'

/** Skeleton cards while a screen reads from the server, and what a screen reader says meanwhile. */
export function LoadingCards({ label, rows }: { label: string; rows: readonly number[] }) {
  return (
    <View className='jx-loading' aria-busy='true'>
      <View className='jx-visually-hidden' role='status'>
        {label}
      </View>
      {rows.map((count, index) => (
        <View key={index} className='jx-card' aria-hidden='true'>
          <Skeleton rows={count} animated />
        </View>
      ))}
    </View>
  )
}
