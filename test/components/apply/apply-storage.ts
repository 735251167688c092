import Taro from '@tarojs/taro'
import { newApplyDraft, type ApplyDraft } from '@/features/apply/model/draft'
import { emptyForm, type ApplyForm } from '@/features/apply/model/form'
import type { StepId } from '@/features/apply/model/steps'
import { storageKeys } from '@/lib/storage'

/** Puts an application draft on the device as the app would have saved it. */
export function seedApplyDraft(form: Partial<ApplyForm>, step: StepId | null, extra: Partial<ApplyDraft> = {}): void {
  Taro.setStorageSync(storageKeys.applyDraft, { ...newApplyDraft({ ...emptyForm(), ...form }), step, ...extra })
}

export function storedApplyDraft(): ApplyDraft {
  return Taro.getStorageSync(storageKeys.applyDraft) as ApplyDraft
}

export { wangShufenForm } from '../../fixtures/applyForms'
