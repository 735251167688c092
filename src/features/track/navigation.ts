import Taro from '@tarojs/taro'

export const TRACK_PAGES = {
  list: '/pages/applications/index',
  detail: '/subpackages/track/detail/index',
  accept: '/subpackages/track/accept/index',
} as const

export const detailUrl = (id: string) => `${TRACK_PAGES.detail}?id=${encodeURIComponent(id)}`

/** The path a WeChat share card opens: the accept page with the code filled in. */
export const acceptPath = (code: string) => `${TRACK_PAGES.accept}?code=${encodeURIComponent(code)}`

export function openDetail(id: string): void {
  void Taro.navigateTo({ url: detailUrl(id) })
}

/** After accepting an invitation, the application replaces the accept page (back goes to the list). */
export function showAccepted(id: string): void {
  void Taro.redirectTo({ url: detailUrl(id) })
}

export function openAccept(): void {
  void Taro.navigateTo({ url: TRACK_PAGES.accept })
}

export function openList(): void {
  void Taro.switchTab({ url: TRACK_PAGES.list })
}

export function openScreening(): void {
  void Taro.navigateTo({ url: '/subpackages/screening/question/index' })
}

export function openApply(): void {
  void Taro.navigateTo({ url: '/subpackages/apply/form/index' })
}

export function call(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}

/** Copies to the clipboard; resolves whether it worked (the page says so itself, without a pop-up). */
export function copyText(data: string): Promise<boolean> {
  return Taro.setClipboardData({ data }).then(
    () => true,
    () => false,
  )
}
