import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { z } from 'zod'
import { defaultLocale, locales, type LocaleId, type Messages } from '@/locales'
import { readStored, storageKeys, writeStored } from './storage'

interface LocaleState {
  locale: LocaleId
  strings: Messages
  setLocale(locale: LocaleId): void
}

const localeIds = Object.keys(locales) as [LocaleId, ...LocaleId[]]
const LocaleContext = createContext<LocaleState>({ locale: defaultLocale, strings: locales[defaultLocale], setLocale: () => undefined })

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<LocaleId>(() => readStored(storageKeys.locale, z.enum(localeIds)) ?? defaultLocale)
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      strings: locales[locale],
      setLocale(next) {
        writeStored(storageKeys.locale, next)
        setLocaleState(next)
      },
    }),
    [locale],
  )
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
}

/** The strings of the person's language. */
export function useStrings(): Messages {
  return useContext(LocaleContext).strings
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext)
}
