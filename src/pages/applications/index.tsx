import { PageShell } from '@/components/PageShell'
import { ApplicationList } from '@/features/track/components/ApplicationList'
import { useStrings } from '@/lib/i18n'
import { usePageRefresh } from '@/lib/pageRefresh'

export default function ApplicationsPage() {
  // Coming back to the tab (from an application, after submitting one), the list is read again.
  const refresh = usePageRefresh({ onShowAgain: true })
  return (
    <PageShell title={useStrings().tabs.applications}>
      <ApplicationList {...refresh} />
    </PageShell>
  )
}
