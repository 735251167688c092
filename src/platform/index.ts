// The web (H5) implementation; WeChat builds pick index.weapp.ts instead.
import * as z from 'zod/mini'
import { config as configureZod } from 'zod/v4/core'
import { wgs84ToGcj02 } from '@/domain/care/gcj02'
import { readStored, storageKeys, writeStored } from '@/lib/storage'
import type { LocateResult, MapPlace, Platform } from './types'

// The page's content-security policy forbids eval; zod would try it once (and be refused) to decide how
// to parse objects. Told up front, it never tries.
configureZod({ jitless: true })

export { privacyAgreeButtonId, type Gcj02Point, type LocateResult, type MapPlace, type Platform } from './types'

function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes)
  crypto.getRandomValues(values)
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}

/**
 * The web has no WeChat sign-in: a random device id, kept in storage, stands in for it, and the
 * development server takes the code as the identity. A production web sign-in is a separate piece.
 */
export function loginCode(): Promise<string> {
  let id = readStored(storageKeys.deviceId, z.string().check(z.minLength(16)))
  if (!id) {
    id = `h5-${randomHex(16)}`
    writeStored(storageKeys.deviceId, id)
  }
  return Promise.resolve(id)
}

/** What a person can tap: Taro renders these as custom elements that the browser does not focus. */
const tappable = '.nut-button, .nut-cell--clickable, [role=link], [role=switch], [role=button], [role=checkbox], [role=radio]'

/** Gives every tappable element a tab stop, and lets Enter and Space press it as a tap would. */
function enableKeyboardAccess() {
  const mark = (root: ParentNode) =>
    root.querySelectorAll<HTMLElement>(tappable).forEach((el) => {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
    })
  mark(document)
  new MutationObserver(() => mark(document)).observe(document.body, { childList: true, subtree: true })
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if ((event.key === 'Enter' || event.key === ' ') && target.matches?.(tappable)) {
      event.preventDefault()
      target.click()
    }
  })
}

/**
 * Registers the service worker the production build writes (sw.js), once the page has loaded so that it
 * never competes with the first visit's own files. Development builds have none.
 */
function keepForOffline() {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const register = () => {
    // Without it the app still works; it only has to ask the network again next time.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}

/** The browser's geolocation (WGS-84), converted to GCJ-02; a refusal or a timeout resolves with the reason. */
function locateApproximately(): Promise<LocateResult> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation
  if (!geolocation) return Promise.resolve({ ok: false, reason: 'unavailable' })
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, point: wgs84ToGcj02({ lat: position.coords.latitude, lng: position.coords.longitude }) }),
      // 1 is PERMISSION_DENIED; position unavailable and timeout are the others.
      (error) => resolve({ ok: false, reason: error.code === 1 ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    )
  })
}

/** AMap's marker page takes GCJ-02 (`coordinate=gaode`) and offers directions, in the browser or its app. */
function openMap(place: MapPlace) {
  const query = [
    `position=${place.lng},${place.lat}`,
    `name=${encodeURIComponent(place.name)}`,
    'coordinate=gaode',
    'callnative=1',
    'src=jinxin-helper',
  ].join('&')
  window.open(`https://uri.amap.com/marker?${query}`, '_blank', 'noopener')
}

export const platform: Platform = {
  name: 'h5',
  locateApproximately,
  // Taro's web build has no Map component: the web shows the list alone.
  hasMap: false,
  openMap,
  canShareFromButton: false,
  canSubscribe: false,
  requestSubscription: () => Promise.resolve([]),
  fontSetting: () => ({}),
  loginCode,
  // The web asks no WeChat privacy questions.
  onNeedPrivacyAuthorization: () => undefined,
  enableKeyboardAccess,
  keepForOffline,
  reflectElderMode(on) {
    document.documentElement.classList.toggle('jx-elder', on)
  },
}
