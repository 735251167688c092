import { PageShell } from '@/components/PageShell'
import { HomeScreen } from '@/features/home/HomeScreen'
import { useStrings } from '@/lib/i18n'

export default function HomePage() {
  return (
    <PageShell title={useStrings().tabs.home}>
      <HomeScreen />
    </PageShell>
  )
}
