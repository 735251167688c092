import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { ElderModeProvider } from '@/components/ElderMode'
import { PageShell } from '@/components/PageShell'
import { LocaleProvider } from '@/lib/i18n'

/** Renders a screen as a page would: inside the app's providers and the page shell. */
export function renderScreen(screen: ReactElement) {
  return render(
    <LocaleProvider>
      <ElderModeProvider>
        <PageShell>{screen}</PageShell>
      </ElderModeProvider>
    </LocaleProvider>,
  )
}
