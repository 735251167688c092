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

export const platform: Platform = {
  name: 'h5',
  fontSetting: () => ({}),
  loginCode,
  // The web asks no WeChat privacy questions.
  onNeedPrivacyAuthorization: () => undefined,
}
