import Taro from '@tarojs/taro'
import { newApplyDraft, type ApplyDraft } from '@/features/apply/model/draft'
import { emptyForm, type ApplyForm } from '@/features/apply/model/form'
import type { StepId } from '@/features/apply/model/steps'
import { storageKeys } from '@/lib/storage'
import { LI_JIANGUO, LI_XIAOHONG, WANG_SHUFEN } from '../../fixtures/applications'

/** Puts an application draft on the device as the app would have saved it. */
export function seedApplyDraft(form: Partial<ApplyForm>, step: StepId | null, extra: Partial<ApplyDraft> = {}): void {
  Taro.setStorageSync(storageKeys.applyDraft, { ...newApplyDraft({ ...emptyForm(), ...form }), step, ...extra })
}

export function storedApplyDraft(): ApplyDraft {
  return Taro.getStorageSync(storageKeys.applyDraft) as ApplyDraft
}

/** 王淑芬's application, filled in up to the review (she applies for herself). */
export function wangShufenForm(): ApplyForm {
  return {
    ...emptyForm(),
    applicantKind: 'self',
    name: WANG_SHUFEN.name,
    idNumber: WANG_SHUFEN.idNumber,
    phone: WANG_SHUFEN.phone,
    address: { cityCode: '140100', countyCode: '140105', township: '坞城街道', detail: '双塔西街 38 号院 5 号楼 2 单元 301' },
    members: [
      { name: LI_JIANGUO.name, relation: 'child', idNumber: LI_JIANGUO.idNumber },
      { name: LI_XIAOHONG.name, relation: 'grandchild', idNumber: LI_XIAOHONG.idNumber },
    ],
    income: { wages: '0', pension: '1150', business: '0', farming: '0', property: '0', support: '0', other: '200' },
    assets: { deposits: '6000', investments: '0', vehicles: '0', otherHomes: '0' },
    benefits: ['dibao', 'high_age_allowance'],
    privacy: true,
    sensitive: true,
    economicCheck: { '0': '2026-03-01T07:55:00.000Z', '1': '2026-03-01T07:56:00.000Z' },
  }
}
