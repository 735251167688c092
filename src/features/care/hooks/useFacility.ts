import { useCallback, useEffect, useRef, useState } from 'react'
import type { FacilityDetail } from '@/domain/care/facility'
import { ApiError } from '@/lib/api'
import { getFacility } from '../api/facilities'

export type FacilityState =
  | { status: 'loading' }
  | { status: 'loaded'; facility: FacilityDetail }
  | { status: 'not_found' }
  | { status: 'error'; message?: string }

/** One facility by id, with a retry. */
export function useFacility(id: string | undefined): { state: FacilityState; reload(): void } {
  const [state, setState] = useState<FacilityState>({ status: 'loading' })
  const latest = useRef(0)
  const load = useCallback(async () => {
    const run = ++latest.current
    if (!id) {
      setState({ status: 'not_found' })
      return
    }
    setState({ status: 'loading' })
    try {
      const facility = await getFacility(id)
      if (run === latest.current) setState({ status: 'loaded', facility })
    } catch (error) {
      if (run !== latest.current) return
      // 404 and a malformed id (400) both mean there is no such place to show.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setState({ status: 'not_found' })
      else setState({ status: 'error', message: error instanceof ApiError ? error.message : undefined })
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load])
  return { state, reload: () => void load() }
}
