import Taro from '@tarojs/taro'
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
      const info = Taro.getAppBaseInfo()
      return { fontSizeSetting: info.fontSizeSetting, fontSizeScaleFactor: (info as { fontSizeScaleFactor?: number }).fontSizeScaleFactor }
    } catch {
      return {}
    }
  },
  loginCode,
  onNeedPrivacyAuthorization(listener) {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      listener((agreed) => resolve(agreed ? { event: 'agree', buttonId: privacyAgreeButtonId } : { event: 'disagree' }))
    })
  },
}

