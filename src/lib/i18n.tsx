import { createContext, useContext, type ReactNode } from 'react'
import { defaultLocale, locales, type Messages } from '@/locales'

// Only zh-CN exists: the provider is where a language choice would be held once there is a second one.
const LocaleContext = createContext<Messages>(locales[defaultLocale])

export function LocaleProvider({ children }: { children: ReactNode }) {
  return <LocaleContext.Provider value={locales[defaultLocale]}>{children}</LocaleContext.Provider>
}

/** The strings of the person's language. */
export function useStrings(): Messages {
  return useContext(LocaleContext)
}
