import Taro from '@tarojs/taro'
import type { FontSetting } from '@/lib/elderMode'
import { privacyAgreeButtonId, type LocateResult, type Platform } from './types'

export { privacyAgreeButtonId, type Gcj02Point, type LocateResult, type MapPlace, type Platform } from './types'

export async function loginCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}

/** WeChat's approximate location, in GCJ-02 as its maps use (declared in app.config's requiredPrivateInfos). */
async function locateApproximately(): Promise<LocateResult> {
  try {
    const { latitude, longitude } = await Taro.getFuzzyLocation({ type: 'gcj02' })
    return { ok: true, point: { lat: latitude, lng: longitude } }
  } catch (failure) {
    // 'getFuzzyLocation:fail auth deny', 'authorize no response', 'privacy permission is not authorized' …
    const errMsg = (failure as { errMsg?: string } | undefined)?.errMsg ?? ''
    return { ok: false, reason: /auth|deny|privacy|permission/i.test(errMsg) ? 'denied' : 'unavailable' }
  }
}

/** WeChat answers each template id with accept, reject, ban or filter; a dismissed sheet rejects. */
async function requestSubscription(templateIds: readonly string[]): Promise<string[]> {
  try {
    // Taro's type also asks for Alipay's entityIds, which WeChat does not take.
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [...templateIds] } as Taro.requestSubscribeMessage.Option)
    const choices = answer as Record<string, unknown>
    return templateIds.filter((id) => choices[id] === 'accept')
  } catch {
    return []
  }
}

export const platform: Platform = {
  name: 'weapp',
  locateApproximately,
  hasMap: true,
  openMap(place) {
    Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, address: place.address, scale: 16 })
  },
  canShareFromButton: true,
  canSubscribe: true,
  requestSubscription,
  fontSetting() {
    try {
      // Both fields are in WeChat's getAppBaseInfo (base library 2.23.4+) but missing from Taro's types.
      const info = Taro.getAppBaseInfo() as Taro.getAppBaseInfo.Result & FontSetting
      return { fontSizeSetting: info.fontSizeSetting, fontSizeScaleFactor: info.fontSizeScaleFactor }
    } catch {
      return {}
    }
  },
  loginCode,
  reflectElderMode: () => undefined,
  // WeChat's own accessibility services handle focus.
  enableKeyboardAccess: () => undefined,
  keepForOffline: () => undefined,
  onNeedPrivacyAuthorization(listener) {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      listener((agreed) => resolve(agreed ? { event: 'agree', buttonId: privacyAgreeButtonId } : { event: 'disagree' }))
    })
  },
}

