import Taro from '@tarojs/taro'
import type { ZodType } from 'zod'

/** Every key we keep on the device, in one place. */
export const storageKeys = {
  elderMode: 'jx.elderMode',
  session: 'jx.session',
  deviceId: 'jx.deviceId',
  applyHandoff: 'jx.apply.handoff',
  applyDraft: 'jx.apply.draft',
  applySubmitted: 'jx.apply.submitted',
  /** Followed by a claim id: what was typed and uploaded for a reviewer's request, until it is sent. */
  supplementDraft: 'jx.track.supplement.',
} as const

/** Reads a stored value; anything missing or no longer matching its schema reads as `undefined`. */
export function readStored<T>(key: string, schema: ZodType<T>): T | undefined {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(key)
  } catch {
    return undefined
  }
  if (raw === '' || raw === undefined || raw === null) return undefined
  const parsed = schema.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, value)
}

export function removeStored(key: string): void {
  Taro.removeStorageSync(key)
}
