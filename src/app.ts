import { createElement, type PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { ElderModeProvider } from '@/components/ElderMode'
import { LocaleProvider } from '@/lib/i18n'
import { platform } from '@/platform'
import './app.scss'

platform.enableKeyboardAccess()
platform.keepForOffline()

// Taro renders every page inside the app component, so these providers reach every page.
function App({ children }: PropsWithChildren) {
  return createElement(LocaleProvider, null, createElement(ElderModeProvider, null, children))
}

export default App
