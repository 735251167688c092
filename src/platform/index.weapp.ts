import Taro from '@tarojs/taro'
import type { FontSetting } from '@/lib/elderMode'
import { privacyAgreeButtonId, type Platform } from './types'

export { privacyAgreeButtonId, type Platform } from './types'

export async function loginCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}

export const platform: Platform = {
  name: 'weapp',
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
  onNeedPrivacyAuthorization(listener) {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      listener((agreed) => resolve(agreed ? { event: 'agree', buttonId: privacyAgreeButtonId } : { event: 'disagree' }))
    })
  },
}

