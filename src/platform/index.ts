// The web (H5) implementation; WeChat builds pick index.weapp.ts instead.
import { z } from 'zod'
import { readStored, storageKeys, writeStored } from '@/lib/storage'
import type { Platform } from './types'

export { privacyAgreeButtonId, type Platform } from './types'

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
  let id = readStored(storageKeys.deviceId, z.string().min(16))
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

export const platform: Platform = {
  name: 'h5',
  fontSetting: () => ({}),
  loginCode,
  // The web asks no WeChat privacy questions.
  onNeedPrivacyAuthorization: () => undefined,
  enableKeyboardAccess,
  reflectElderMode(on) {
    document.documentElement.classList.toggle('jx-elder', on)
  },
}
