import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import * as z from 'zod/mini'
import { startsInElderMode } from '@/lib/elderMode'
import { readStored, storageKeys, writeStored } from '@/lib/storage'
import { platform } from '@/platform'

interface ElderModeState {
  elder: boolean
  setElder(on: boolean): void
}

const ElderModeContext = createContext<ElderModeState>({ elder: false, setElder: () => undefined })

export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [elder, setElderState] = useState(() => startsInElderMode(readStored(storageKeys.elderMode, z.boolean()), platform.fontSetting()))
  useEffect(() => platform.reflectElderMode(elder), [elder])
  const value = useMemo<ElderModeState>(
    () => ({
      elder,
      setElder(on) {
        // Remembered, so the person's own choice wins over WeChat's font setting from now on.
        writeStored(storageKeys.elderMode, on)
        setElderState(on)
      },
    }),
    [elder],
  )
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>
}

export function useElderMode(): ElderModeState {
  return useContext(ElderModeContext)
}
