import { PageShell } from '@/components/PageShell'
import { SuccessScreen } from '@/features/apply/components/SuccessScreen'
import { useStrings } from '@/lib/i18n'

export default function ApplySuccessPage() {
  return (
    <PageShell title={useStrings().apply.success.title}>
      <SuccessScreen />
    </PageShell>
  )
}
