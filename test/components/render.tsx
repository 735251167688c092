import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { ElderModeProvider } from '@/components/ElderMode'
import { PageShell } from '@/components/PageShell'
import { LocaleProvider } from '@/lib/i18n'

function inApp(screen: ReactElement) {
  return (
    <LocaleProvider>
      <ElderModeProvider>
        <PageShell>{screen}</PageShell>
      </ElderModeProvider>
    </LocaleProvider>
  )
}

/** Renders a screen as a page would: inside the app's providers and the page shell. `update` renders it again with new props. */
export function renderScreen(screen: ReactElement) {
  const result = render(inApp(screen))
  return { ...result, update: (next: ReactElement) => result.rerender(inApp(next)) }
}
