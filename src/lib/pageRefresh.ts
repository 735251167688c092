import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

export interface PageRefresh {
  /** Bumped on each pull-to-refresh (and each return to the page, when asked for). */
  refreshToken: number
  /** Stops WeChat's pull-down spinner once the screen has read again. */
  onRefreshed(): void
}

/**
 * For a page whose screen reads from the server: pull-to-refresh (the page config enables it) and,
 * with `onShowAgain`, coming back to the page read it again. The first show is the first read.
 */
export function usePageRefresh({ onShowAgain = false }: { onShowAgain?: boolean } = {}): PageRefresh {
  const [refreshToken, setRefreshToken] = useState(0)
  const bump = () => setRefreshToken((token) => token + 1)
  usePullDownRefresh(bump)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && onShowAgain) bump()
    shown.current = true
  })
  const onRefreshed = useCallback(() => void Taro.stopPullDownRefresh(), [])
  return { refreshToken, onRefreshed }
}
