// Request bodies a person would copy, shown with each route in the API document. Residents are made up
// (valid GB 11643 ID numbers, phone numbers that ring no one); a test parses every example with the
// route's own schema, and the application is the one the integration guide's examples act on.
import type { z } from 'zod'
import type { WechatSignInRequest } from '@/domain/api'
import type { ApplicationRequestInput, DraftWrite } from '@/domain/application'
import type { CaseEvent, SubscriptionRequest, SupplementRequest, WithdrawRequest } from '@/domain/claims'
import type { SavedHousehold, ScreeningRequestSchema } from '@/domain/screening'
import { CASE_JOURNEYS, withClaimId } from '../integration/caseEventExamples'

export interface BodyExample<T> {
  /** What the example shows, in a few words. */
  summary: string
  value: T
}

export type BodyExamples<T> = Readonly<Record<string, BodyExample<T>>>

/** The schema with examples for the API document; validation is unchanged. */
export function withExamples<S extends z.ZodType>(schema: S, examples: BodyExamples<z.input<S>>): S {
  return schema.meta({ 'x-examples': examples })
}

/** The examples a schema carries (see withExamples). */
export function examplesOf(schema: z.ZodType): BodyExamples<unknown> | undefined {
  const meta: Record<string, unknown> | undefined = schema.meta()
  return meta?.['x-examples'] as BodyExamples<unknown> | undefined
}

export const SIGN_IN_EXAMPLES: BodyExamples<WechatSignInRequest> = {
  wechat: { summary: '小程序 wx.login 得到的 code（5 分钟内有效，只能用一次）', value: { code: '0e3Xk2000vNbGQ1Yqf300m8kR43Xk20s' } },
  development: { summary: '开发环境：任何 code 都能登录，code 本身就是身份', value: { code: 'wang-xiuying' } },
}

/** 王秀英, 72, lives alone in 太原市小店区 on a pension of 1,150 yuan; she needs some help at home. */
export const SCREENING_EXAMPLES: BodyExamples<z.input<typeof ScreeningRequestSchema>> = {
  wangXiuying: {
    summary: '王秀英，72 岁，独居太原市小店区，每月养老金 1150 元，部分失能',
    value: {
      date: '2026-03-01',
      region: { cityCode: '140100', area: 'urban' },
      hukouInShanxi: true,
      members: [{ relation: 'self', age: 72, selfCare: 'partial', canWork: false }],
      monthlyIncome: 1150,
      financialAssets: 8000,
      hasExcludedProperty: false,
      suddenHardship: null,
    },
  },
}

/** 王秀英's household kept for the daily re-check: her birth month lets her age move with time. */
export const SAVED_HOUSEHOLD_EXAMPLES: BodyExamples<SavedHousehold> = {
  wangXiuying: {
    summary: '保存王秀英（1954 年 5 月生）的家庭情况，有新可能符合的补助时提醒她',
    value: {
      household: (({ date: _date, ...household }) => household)(SCREENING_EXAMPLES.wangXiuying.value) as SavedHousehold['household'],
      birthMonths: ['1954-05'],
      notify: true,
      consent: { version: '2026-12' },
    },
  },
}

const CONFIRMED_AT = '2026-03-01T01:12:00Z'

/** 王秀英 applies for herself: 低保, 临时救助, 刚性支出困难, 失能老年人护理补贴 and 适老化改造. */
export const APPLICATION_EXAMPLE: ApplicationRequestInput = {
  applicant: { kind: 'self' },
  beneficiary: {
    name: '王秀英',
    idNumber: '140105195308160248',
    phone: '13803510426',
    address: { cityCode: '140100', countyCode: '140105', township: '坞城街道', detail: '双塔西街 12 号院 3 号楼 1 单元 402' },
  },
  members: [],
  income: { wages: 0, pension: 1150, business: 0, farming: 0, property: 0, support: 0, other: 0 },
  assets: { deposits: 8000, investments: 0, vehicles: 0, otherHomes: 0 },
  benefits: ['dibao', 'temporary_assistance', 'rigid_expense', 'elderly_care_subsidy', 'home_modification_subsidy'],
  documents: [],
  consents: { privacyVersion: '2026-01', sensitiveInfoVersion: '2026-01', economicCheck: [{ memberIndex: 0, confirmedAt: CONFIRMED_AT }] },
  screening: SCREENING_EXAMPLES.wangXiuying.value,
}

/** 郭秀英 applies for her mother 张桂兰 (87, alone in 临汾市襄汾县), with the documents she uploaded. */
const RELATIVE_APPLICATION_EXAMPLE: ApplicationRequestInput = {
  applicant: { kind: 'relative', relation: 'child', name: '郭秀英', phone: '18635712093' },
  beneficiary: {
    name: '张桂兰',
    idNumber: '141023193811180042',
    phone: null,
    address: { cityCode: '141000', countyCode: '141023', township: '新城镇', detail: '东街村 4 组 17 号' },
  },
  members: [],
  income: { wages: 0, pension: 0, business: 0, farming: 800, property: 0, support: 300, other: 0 },
  assets: { deposits: 3000, investments: 0, vehicles: 0, otherHomes: 0 },
  benefits: ['high_age_allowance', 'home_modification_subsidy'],
  documents: [
    { documentId: 'id_card', uploadIds: ['3f2b8c1e-5a4d-4e7b-9c21-7d8e6f5a4b3c'] },
    { documentId: 'relative_authorization', uploadIds: ['9a1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e'] },
  ],
  consents: { privacyVersion: '2026-01', sensitiveInfoVersion: '2026-01', economicCheck: [] },
  screening: null,
}

export const APPLICATION_EXAMPLES: BodyExamples<ApplicationRequestInput> = {
  forOneself: { summary: '王秀英为自己申请五项补助（材料可以受理时再带去）', value: APPLICATION_EXAMPLE },
  forAParent: { summary: '郭秀英替 87 岁的母亲张桂兰申请（代办），带上已上传的材料', value: RELATIVE_APPLICATION_EXAMPLE },
}

export const DRAFT_EXAMPLES: BodyExamples<DraftWrite> = {
  first: { summary: '第一次保存：updatedAt 为 null', value: { payload: { step: 'beneficiary', beneficiary: { name: '王秀英' } }, updatedAt: null } },
  next: {
    summary: '之后每次保存：带上次答复里的 updatedAt',
    value: { payload: { step: 'household', beneficiary: { name: '王秀英' }, members: [] }, updatedAt: '2026-03-01T01:10:00.000Z' },
  },
}

/** An example claim id for the examples that name one. */
const CLAIM_ID = '5b0f3c2a-8d1e-4f6a-9b7c-2e4d6f8a0c1e'

export const WITHDRAW_EXAMPLES: BodyExamples<WithdrawRequest> = {
  some: { summary: '撤回其中一项，写明原因', value: { claimIds: [CLAIM_ID], reason: '已搬到女儿家居住，暂不申请。' } },
  all: { summary: '撤回所有还没有结果的事项', value: {} },
}

export const SUPPLEMENT_EXAMPLES: BodyExamples<SupplementRequest> = {
  answerAndDocument: {
    summary: '回答审核人员的问题，并交上要补的材料（先上传，再填 uploadIds）',
    value: {
      claimId: CLAIM_ID,
      answers: [{ question: '儿子每月给您多少生活费？', answer: '每月 300 元，有时给有时不给。' }],
      documents: [{ documentId: 'income_proof', uploadIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'] }],
    },
  },
}

export const INVITATION_EXAMPLES: BodyExamples<{ label?: string } | null | undefined> = {
  daughter: { summary: '邀请女儿关注进度', value: { label: '女儿' } },
}

export const SUBSCRIPTION_EXAMPLES: BodyExamples<SubscriptionRequest> = {
  accepted: { summary: 'wx.requestSubscribeMessage 里居民同意的模板', value: { templateIds: ['dev-claim-status'] } },
}

/** The first event of each status in the integration guide's journeys, with an example claim id. */
export const CASE_EVENT_EXAMPLES: BodyExamples<CaseEvent> = (() => {
  const examples: Record<string, BodyExample<CaseEvent>> = {}
  for (const step of CASE_JOURNEYS.flatMap((journey) => journey.steps)) {
    if (step.kind !== 'event' || step.event.status in examples) continue
    examples[step.event.status] = { summary: step.title, value: withClaimId(step.event, CLAIM_ID) }
  }
  return examples
})()

export const CASE_CLAIM_LIST_EXAMPLES: BodyExamples<{ requestedAt: string }> = {
  now: { summary: '请求时间：与服务器时钟相差不能超过 5 分钟', value: { requestedAt: '2026-03-03T01:30:00Z' } },
}
