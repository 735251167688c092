import Taro from '@tarojs/taro'
import { safeParse, type $ZodType } from 'zod/v4/core'

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

/**
 * Reads a stored value; anything missing or no longer matching its schema reads as `undefined`. Takes a
 * `zod` or a `zod/mini` schema: what every page's first load reads (elder mode, language, device id) uses
 * `zod/mini`, so home's first load carries no more of zod than that.
 */
export function readStored<T>(key: string, schema: $ZodType<T>): T | undefined {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(key)
  } catch {
    return undefined
  }
  if (raw === '' || raw === undefined || raw === null) return undefined
  const parsed = safeParse(schema, raw)
  return parsed.success ? parsed.data : undefined
}

export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, value)
}

export function removeStored(key: string): void {
  Taro.removeStorageSync(key)
}
