import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from './api'

/** Something read from the server: loading the first time, then loaded (kept on screen while it is read again). */
export type Remote<T> =
  | { status: 'loading' }
  /** `failure`: reading it again failed; the last answer stays on screen with the reason. */
  | { status: 'loaded'; data: T; refreshing: boolean; failure?: string }
  | { status: 'not_found' }
  | { status: 'error'; message?: string }

/**
 * Reads `load()` when `key` changes and on `reload()` (retry, pull-to-refresh, coming back to the page).
 * A reload keeps the last answer on screen (and says so when it fails); only the latest answer is shown, however they arrive;
 * `replace` shows an answer an action returned. 404 and 400 read as not found.
 */
export function useRemote<T>(load: () => Promise<T>, key: string): { state: Remote<T>; reload(): Promise<void>; replace(data: T): void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  const latest = useRef(0)
  const current = useRef(load)
  current.current = load

  const run = useCallback(async () => {
    const id = ++latest.current
    setState((previous) => (previous.status === 'loaded' ? { ...previous, refreshing: true } : { status: 'loading' }))
    try {
      const data = await current.current()
      if (id === latest.current) setState({ status: 'loaded', data, refreshing: false })
    } catch (error) {
      if (id !== latest.current) return
      const message = error instanceof ApiError ? error.message : undefined
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setState({ status: 'not_found' })
      else setState((previous) => (previous.status === 'loaded' ? { ...previous, refreshing: false, failure: message ?? '' } : { status: 'error', message }))
    }
  }, [])

  useEffect(() => {
    void run()
  }, [key, run])

  const replace = useCallback((data: T) => {
    latest.current += 1
    setState({ status: 'loaded', data, refreshing: false })
  }, [])

  return { state, reload: run, replace }
}

/**
 * Reads again when the page's `refreshToken` changes (pull-to-refresh, the page shown again), then
 * calls `onRefreshed` so the page can stop its spinner. The first token is the first read's: no reload.
 */
export function useReloadOnToken(refreshToken: number, reload: () => Promise<void>, onRefreshed?: () => void): void {
  const lastToken = useRef(refreshToken)
  useEffect(() => {
    if (refreshToken === lastToken.current) return
    lastToken.current = refreshToken
    void reload().then(() => onRefreshed?.())
  }, [refreshToken, reload, onRefreshed])
}
