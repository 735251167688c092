import { useCallback, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import type { FacilityDetail } from '@/domain/care/facility'
import { FacilityDetailScreen } from '@/features/care/components/FacilityDetailScreen'
import { fill } from '@/lib/template'
import { useStrings } from '@/lib/i18n'

export default function FacilityDetailPage() {
  const { params } = useRouter()
  const id = params.id
  const care = useStrings().careFinder
  const [facility, setFacility] = useState<FacilityDetail>()
  const onLoaded = useCallback((loaded: FacilityDetail) => {
    setFacility(loaded)
    void Taro.setNavigationBarTitle({ title: loaded.name })
  }, [])
  // WeChat's share: the same place opens for whoever receives it.
  useShareAppMessage(() => ({
    title: facility ? fill(care.detail.shareTitle, { name: facility.name, type: care.types[facility.type] }) : care.detail.share,
    path: `/subpackages/care/detail/index?id=${encodeURIComponent(id ?? '')}`,
  }))
  return (
    <PageShell title={facility?.name}>
      <FacilityDetailScreen id={id} onLoaded={onLoaded} />
    </PageShell>
  )
}
