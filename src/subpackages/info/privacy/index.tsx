import { PageShell } from '@/components/PageShell'
import { PrivacyGuide } from '@/features/info/PrivacyGuide'

export default function PrivacyPage() {
  return (
    <PageShell>
      <PrivacyGuide />
    </PageShell>
  )
}
