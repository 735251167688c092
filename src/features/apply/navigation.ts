import Taro from '@tarojs/taro'

export const APPLY_PAGES = {
  form: '/subpackages/apply/form/index',
  success: '/subpackages/apply/success/index',
} as const

export function openSuccess(): void {
  Taro.redirectTo({ url: APPLY_PAGES.success })
}

export function openApplications(): void {
  Taro.switchTab({ url: '/pages/applications/index' })
}

export function openHome(): void {
  Taro.switchTab({ url: '/pages/index/index' })
}

/** A new step starts at the top of the page, where its heading and the error summary are. */
export function scrollToTop(): void {
  Promise.resolve()
    .then(() => Taro.pageScrollTo({ scrollTop: 0, duration: 0 }))
    .catch(() => undefined)
}

/** A key for one attempt to submit: random, visible ASCII, reused on retries of the same form. */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')
  return `apply-${Date.now().toString(16)}-${random()}${random()}${random()}`
}
