import { useCallback, useEffect, useRef, useState } from 'react'
import type { NearbyResponse } from '@/domain/care/facility'
import { ApiError } from '@/lib/api'
import { searchNearby } from '../api/facilities'
import type { NearbySearch } from '../model/search'

export type NearbyState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; response: NearbyResponse }
  | { status: 'error'; message?: string }

/**
 * Runs the search whenever what it asks for changes, and on `reload()` (retry, pull-to-refresh).
 * Only the latest search's answer is shown, however the answers arrive.
 */
export function useNearby(search: NearbySearch | undefined): { state: NearbyState; reload(): Promise<void> } {
  const [state, setState] = useState<NearbyState>({ status: 'idle' })
  const latest = useRef(0)
  const current = useRef(search)
  current.current = search

  const run = useCallback(async (wanted: NearbySearch | undefined) => {
    const id = ++latest.current
    if (!wanted) {
      setState({ status: 'idle' })
      return
    }
    setState({ status: 'loading' })
    try {
      const response = await searchNearby(wanted)
      if (id === latest.current) setState({ status: 'loaded', response })
    } catch (error) {
      if (id === latest.current) setState({ status: 'error', message: error instanceof ApiError ? error.message : undefined })
    }
  }, [])

  // The search is compared by value: a new object with the same fields is the same search.
  const key = search ? JSON.stringify(search) : ''
  useEffect(() => {
    void run(current.current)
  }, [key, run])

  const reload = useCallback(() => run(current.current), [run])
  return { state, reload }
}
