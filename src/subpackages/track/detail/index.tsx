import { useCallback, useRef } from 'react'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import type { Invitation } from '@/domain/claims'
import { ApplicationDetailScreen } from '@/features/track/components/ApplicationDetailScreen'
import { acceptPath } from '@/features/track/navigation'
import { useStrings } from '@/lib/i18n'
import { usePageRefresh } from '@/lib/pageRefresh'

export default function ApplicationDetailPage() {
  const { params } = useRouter()
  const strings = useStrings().track
  const refresh = usePageRefresh({ onShowAgain: true })
  // WeChat's share card carries the newest invitation code to the relative; without one, home.
  const invitation = useRef<Invitation>()
  const onInvitation = useCallback((created: Invitation) => {
    invitation.current = created
  }, [])
  useShareAppMessage(() => ({ title: strings.family.shareTitle, path: invitation.current ? acceptPath(invitation.current.code) : '/pages/index/index' }))
  return (
    <PageShell title={strings.detail.refresh}>
      <ApplicationDetailScreen id={params.id} {...refresh} onInvitation={onInvitation} />
    </PageShell>
  )
}
