// What the server answers about an application. Every field is projected one by one on the server; ID
// numbers and phone numbers only ever appear masked (`1401**********002X`, `138****5678`).
import { z } from 'zod'
import { ApiErrorBodySchema } from '../api/errors'
import { CITY_CODES } from '../cities'
import { DOCUMENT_IDS, documentName, type DocumentId } from '../documents'
import { BENEFIT_IDS, type BenefitId } from '../policy/rules/types'
import { ClaimEventSchema, ClaimStatusSchema } from './claims'
import { ApplicationReferenceSchema } from './reference'
import { PRIVACY_GUIDE_VERSIONS, SENSITIVE_INFO_CONSENT_VERSIONS } from './consents'
import { INCOME_SOURCES, KIN_RELATIONS, needsEconomicCheck, type IncomeSource } from './request'

/** A masked ID number: first 4 and last 4 characters shown. */
const MaskedIdNumberSchema = z.string().regex(/^\d{4}\*{10}\d{3}[\dX]$/)
/** A masked mobile number: first 3 and last 4 digits shown. */
const MaskedPhoneSchema = z.string().regex(/^\d{3}\*{4}\d{4}$/)

export const ClaimSchema = z.object({
  id: z.uuid(),
  benefit: z.enum(BENEFIT_IDS),
  benefitName: z.string(),
  status: ClaimStatusSchema,
  statusLabel: z.string(),
  /** Oldest first; the first entry is `submitted`. */
  timeline: z.array(ClaimEventSchema),
})
export type Claim = z.infer<typeof ClaimSchema>

const AmountsSchema = z.object(Object.fromEntries(INCOME_SOURCES.map((source) => [source, z.number()])) as Record<IncomeSource, z.ZodNumber>)

export const ApplicationResponseSchema = z.object({
  /** The API's id of the application: a random UUID. */
  id: z.uuid(),
  /** 申请编号: the short reference read out on the phone and named in every status message (`JX20261205-K7QM`). */
  reference: ApplicationReferenceSchema,
  /** ISO 8601 instant. */
  createdAt: z.iso.datetime(),
  applicant: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('self') }),
    z.object({ kind: z.literal('relative'), relation: z.enum(KIN_RELATIONS), name: z.string(), phone: MaskedPhoneSchema }),
  ]),
  beneficiary: z.object({
    name: z.string(),
    idNumber: MaskedIdNumberSchema,
    phone: MaskedPhoneSchema.nullable(),
    address: z.object({
      cityCode: z.enum(CITY_CODES),
      countyCode: z.string(),
      /** "太原市小店区". */
      place: z.string(),
      township: z.string(),
      detail: z.string(),
    }),
  }),
  members: z.array(z.object({ name: z.string(), relation: z.enum(KIN_RELATIONS), idNumber: MaskedIdNumberSchema })),
  /** CNY a month, by source. */
  income: AmountsSchema,
  assets: z.object({ deposits: z.number(), investments: z.number(), vehicles: z.number().int(), otherHomes: z.number().int() }),
  /** One claim per benefit applied for, in the order chosen. */
  claims: z.array(ClaimSchema),
  documents: z.array(z.object({ documentId: z.enum(DOCUMENT_IDS), name: z.string(), uploadIds: z.array(z.uuid()) })),
  /** Checklist items with no file yet: to bring to the township office or send when asked. */
  missingDocuments: z.array(z.object({ documentId: z.enum(DOCUMENT_IDS), name: z.string() })),
  consents: z.object({
    privacyVersion: z.enum(PRIVACY_GUIDE_VERSIONS),
    sensitiveInfoVersion: z.enum(SENSITIVE_INFO_CONSENT_VERSIONS),
    economicCheck: z.array(z.object({ memberIndex: z.number().int(), name: z.string(), confirmedAt: z.iso.datetime() })),
  }),
  /** What happens next and roughly when, in plain words, in order. */
  nextSteps: z.array(z.string()),
})
export type ApplicationResponse = z.infer<typeof ApplicationResponseSchema>

/** The one thing asked of the applicant, on the list and on the application: supply what a claim needs by its due date. */
export const NextActionSchema = z.object({
  claimId: z.uuid(),
  benefit: z.enum(BENEFIT_IDS),
  benefitName: z.string(),
  /** YYYY-MM-DD, Asia/Shanghai. */
  dueDate: z.iso.date(),
})
export type NextAction = z.infer<typeof NextActionSchema>

/** `GET /applications`: one line per application; those needing the person first (earliest due), then newest first. */
export const ApplicationSummarySchema = z.object({
  id: z.uuid(),
  reference: ApplicationReferenceSchema,
  createdAt: z.iso.datetime(),
  /** `owner`: submitted by the signed-in person; `viewer`: shared with them by the owner. */
  role: z.enum(['owner', 'viewer']),
  beneficiary: z.object({ name: z.string(), idNumber: MaskedIdNumberSchema }),
  claims: z.array(ClaimSchema.pick({ id: true, benefit: true, benefitName: true, status: true, statusLabel: true }).extend({ updatedAt: z.iso.datetime() })),
  nextAction: NextActionSchema.nullable(),
})
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>

export const ApplicationListSchema = z.object({ applications: z.array(ApplicationSummarySchema) })
export type ApplicationList = z.infer<typeof ApplicationListSchema>

export const ApplicationParamsSchema = z.object({ id: z.uuid({ message: '申请编号格式不正确' }) })

/** The header every submission carries: a fresh random value per application, reused on retries. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key'
export const IdempotencyKeySchema = z
  .string({ message: '请求缺少 Idempotency-Key 请求头（每份申请一个随机值，重试时沿用）' })
  .regex(/^[\x21-\x7e]{8,200}$/, { message: 'Idempotency-Key 应为 8–200 个可见 ASCII 字符，例如一个 UUID' })

export const ApplicationHeadersSchema = z.object({ [IDEMPOTENCY_KEY_HEADER]: IdempotencyKeySchema })

export const DUPLICATE_CLAIM = 'duplicate_claim'
export const IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused'

/**
 * 409 on `POST /applications` with `error: 'duplicate_claim'`: the beneficiary already has an open
 * claim for a benefit asked for. `existingApplicationId` is given when that application is the
 * submitter's own (someone else's application is never revealed); `benefits` lists the benefits at issue.
 */
export const SubmissionConflictSchema = ApiErrorBodySchema.extend({
  existingApplicationId: z.uuid().optional(),
  benefits: z.array(z.enum(BENEFIT_IDS)).optional(),
})
export type SubmissionConflict = z.infer<typeof SubmissionConflictSchema>

/** 公示 applies to these (shared/API.md). */
const PUBLIC_NOTICE_BENEFITS: readonly BenefitId[] = ['dibao', 'tekun', 'dibao_edge']

/** What happens after submitting, for the success page and the application's page. */
export function nextStepsFor(benefits: readonly BenefitId[], missing: readonly DocumentId[]): string[] {
  const steps = ['申请已提交到户籍或居住地的乡镇人民政府（街道办事处），一般在几个工作日内受理，受理后状态会变为“已受理”。']
  if (missing.length > 0) {
    steps.push(`还缺少这些材料：${missing.map(documentName).join('、')}。可以在受理时带到乡镇（街道），或在工作人员要求补正时在线补交。`)
  }
  if (needsEconomicCheck(benefits)) {
    steps.push('接下来会核对家庭收入和财产，工作人员可能入户调查，请保持电话畅通。')
  }
  if (benefits.some((benefit) => PUBLIC_NOTICE_BENEFITS.includes(benefit))) {
    steps.push('低保、特困、低保边缘的审核意见会在村（居）公示，公示无异议后再作决定。')
  }
  steps.push('一般一个月左右会有审核结果（情况复杂的会更久）。每项补助的进度都可以在“查进度”里查看。')
  return steps
}
