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
  /**
   * Keeps the app on the phone for the next visit and for use without the network (the web's service
   * worker; WeChat keeps its packages itself).
   */
  keepForOffline(): void
  /**
   * The person's approximate location in GCJ-02, asked for once and not kept: WeChat's
   * getFuzzyLocation, the browser's geolocation (converted from WGS-84) on the web.
   * Explain why before calling it; it resolves with the reason when there is no location.
   */
  locateApproximately(): Promise<LocateResult>
  /** Whether a page can show a map with markers (WeChat's Map; Taro's web build has none). */
  hasMap: boolean
  /** Opens a place for directions: WeChat's own map on WeChat, AMap's web page on the web. */
  openMap(place: MapPlace): void
  /** Whether a page can offer a share button (WeChat's open-type="share"; the browser shares on its own). */
  canShareFromButton: boolean
  /** Whether status messages can be offered: WeChat's subscribe messages (the web has none). */
  canSubscribe: boolean
  /** Asks, right after the person tapped, to send messages of these templates; resolves with those accepted. */
  requestSubscription(templateIds: readonly string[]): Promise<string[]>
}

/** A point in GCJ-02, the coordinates WeChat's and China's maps use. */
export interface Gcj02Point {
  lat: number
  lng: number
}

export type LocateResult = { ok: true; point: Gcj02Point } | { ok: false; reason: 'denied' | 'unavailable' }

/** A place to navigate to. */
export interface MapPlace extends Gcj02Point {
  name: string
  address: string
}

/** The id of the button with open-type agreePrivacyAuthorization, which WeChat checks was tapped. */
export const privacyAgreeButtonId = 'privacy-agree'

/** A file the person chose for upload: a path (WeChat) or the File itself (web), and a name to show. */
export interface ChosenFile {
  path: string
  name: string
  /** The web's File: sent as it is (the page's content security policy forbids reading blob: URLs back). */
  blob?: Blob
}

export interface UploadOptions {
  url: string
  file: ChosenFile
  /** The multipart field name. */
  name: string
  header: Record<string, string>
  onProgress(percent: number): void
}

export interface UploadAnswer {
  statusCode: number
  data: string
}
