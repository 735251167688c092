import type { FontSetting } from '@/lib/elderMode'

/** What differs between WeChat and the web, behind one interface. */
export interface Platform {
  name: 'weapp' | 'h5'
  /** WeChat's font setting; the web has none. */
  fontSetting(): FontSetting
  /** A code the server exchanges for a session (`Taro.login` on WeChat). */
  loginCode(): Promise<string>
  /** Called when WeChat needs the person's consent before a privacy-related API may run. */
  onNeedPrivacyAuthorization(listener: (resolve: (agreed: boolean) => void) => void): void
  /** Lets what sits outside our pages (the web's tab bar) follow elder mode; WeChat's native tab bar cannot. */
  reflectElderMode(on: boolean): void
  /** Makes every tappable element reachable and usable from a keyboard (the web only). */
  enableKeyboardAccess(): void
}

/** The id of the button with open-type agreePrivacyAuthorization, which WeChat checks was tapped. */
export const privacyAgreeButtonId = 'privacy-agree'
