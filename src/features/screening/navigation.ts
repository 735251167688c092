import Taro from '@tarojs/taro'

/** The screener's two pages. The questions live on one page, so WeChat's 10-page stack never fills. */
export const SCREENING_PAGES = {
  question: '/subpackages/screening/question/index',
  results: '/subpackages/screening/results/index',
} as const

/** Replaces the page, so going between the questions and the results never grows the stack. */
export function openResults(): void {
  Taro.redirectTo({ url: SCREENING_PAGES.results })
}

/** Opens one question to change its answer; after 继续 the person comes back to the results. */
export function changeAnswer(stepKey: string): void {
  Taro.redirectTo({ url: `${SCREENING_PAGES.question}?edit=${encodeURIComponent(stepKey)}` })
}

export function openQuestions(): void {
  Taro.redirectTo({ url: SCREENING_PAGES.question })
}

export function openHome(): void {
  Taro.switchTab({ url: '/pages/index/index' })
}

export function callHotline(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber })
}

/** A new question starts at the top of the page, where its heading is. */
export function scrollToTop(): void {
  Promise.resolve()
    .then(() => Taro.pageScrollTo({ scrollTop: 0, duration: 0 }))
    .catch(() => undefined)
}
