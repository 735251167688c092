import Taro from '@tarojs/taro'
import type { Answers } from '@/features/screening/model/answers'
import { SCREENING_DRAFT_KEY, type Draft } from '@/features/screening/model/draft'

/** Puts a draft on the device as the app would have saved it. */
export function seedDraft(answers: Answers, step: string | null = null, finished = true): void {
  const draft: Draft = { answers, step, finished }
  Taro.setStorageSync(SCREENING_DRAFT_KEY, draft)
}

export function storedDraft(): Draft {
  return Taro.getStorageSync(SCREENING_DRAFT_KEY) as Draft
}
