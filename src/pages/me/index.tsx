import { PageShell } from '@/components/PageShell'
import { SettingsScreen } from '@/features/settings/SettingsScreen'
import { useStrings } from '@/lib/i18n'

export default function MePage() {
  return (
    <PageShell title={useStrings().tabs.me}>
      <SettingsScreen />
    </PageShell>
  )
}
