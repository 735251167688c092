import { PageShell } from '@/components/PageShell'
import { About } from '@/features/info/About'

export default function AboutPage() {
  return (
    <PageShell>
      <About />
    </PageShell>
  )
}
