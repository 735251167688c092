import { PageShell } from '@/components/PageShell'
import { ApplyFlow } from '@/features/apply/components/ApplyFlow'
import { useStrings } from '@/lib/i18n'

export default function ApplyFormPage() {
  return (
    <PageShell title={useStrings().apply.start.heading}>
      <ApplyFlow />
    </PageShell>
  )
}
