import { PageShell } from '@/components/PageShell'
import { CareFinder } from '@/features/care/components/CareFinder'
import { useStrings } from '@/lib/i18n'
import { usePageRefresh } from '@/lib/pageRefresh'

export default function CarePage() {
  const refresh = usePageRefresh()
  return (
    <PageShell title={useStrings().tabs.care}>
      <CareFinder {...refresh} />
    </PageShell>
  )
}
