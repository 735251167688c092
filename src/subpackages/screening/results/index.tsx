import { PageShell } from '@/components/PageShell'
import { ResultsScreen } from '@/features/screening/components/ResultsScreen'
import { useStrings } from '@/lib/i18n'

export default function ScreeningResultsPage() {
  return (
    <PageShell title={useStrings().screening.results.title}>
      <ResultsScreen />
    </PageShell>
  )
}
