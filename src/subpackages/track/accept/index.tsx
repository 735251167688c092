import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { AcceptInvitationScreen } from '@/features/track/components/AcceptInvitationScreen'
import { useStrings } from '@/lib/i18n'

export default function AcceptInvitationPage() {
  const { params } = useRouter()
  return (
    <PageShell title={useStrings().track.accept.title}>
      <AcceptInvitationScreen initialCode={params.code ? decodeURIComponent(params.code) : ''} />
    </PageShell>
  )
}
