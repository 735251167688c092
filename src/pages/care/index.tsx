import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { CareFinder } from '@/features/care/components/CareFinder'
import { useStrings } from '@/lib/i18n'

export default function CarePage() {
  const [refreshToken, setRefreshToken] = useState(0)
  usePullDownRefresh(() => setRefreshToken((token) => token + 1))
  const stopRefreshing = useCallback(() => void Taro.stopPullDownRefresh(), [])
  return (
    <PageShell title={useStrings().tabs.care}>
      <CareFinder refreshToken={refreshToken} onRefreshed={stopRefreshing} />
    </PageShell>
  )
}
