import { z } from 'zod'
import { CITY_CODES } from '../cities'
import { DOCUMENT_IDS } from '../documents'
import {
  AREAS,
  CARE_SETTINGS,
  CHILD_STATUSES,
  DISABILITY_KINDS,
  RELATIONS,
  SELF_CARE_LEVELS,
} from '../policy/household'
import { TIERS } from '../policy/logic'
import { isWholeFen } from '../policy/money'
import { PARAMETER_IDS, PARAMETER_STATUSES, type ParameterId } from '../policy/parameters'
import { BENEFIT_IDS, CRITERION_IDS } from '../policy/rules'

/** A calendar date, YYYY-MM-DD (a real day: no 2025-02-30). */
export const IsoDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' })

/** CNY, whole fen, 0 to 1e9. Amounts are compared and rounded exactly, so a fraction of a fen is refused. */
export const MoneySchema = z
  .number({ message: '请填写金额（数字）' })
  .min(0, { message: '金额不能为负数' })
  .max(1e9, { message: '金额不能超过 10 亿元' })
  .refine(isWholeFen, { message: '金额最多精确到分（两位小数）' })

/** Null or absent: "not sure / not answered", never "no". */
const answer = <T extends z.ZodType>(schema: T) => schema.nullish()

export const MemberSchema = z.strictObject({
  relation: z.enum(RELATIONS),
  age: answer(z.number().int().min(0).max(150)),
  canWork: answer(z.boolean()),
  /** 0: none; 1–4: grade on the certificate, 1 most severe. */
  disabilityGrade: answer(z.number().int().min(0).max(4)),
  disabilityKind: answer(z.enum(DISABILITY_KINDS)),
  selfCare: answer(z.enum(SELF_CARE_LEVELS)),
  /** orphan or unattended; null when neither. */
  childStatus: answer(z.enum(CHILD_STATUSES)),
  careSetting: answer(z.enum(CARE_SETTINGS)),
  admittedToHigherEducation: answer(z.boolean()),
})

/** POST /api/v1/screening: the household (shared/POLICY.md "Input"). */
export const ScreeningRequestSchema = z.strictObject({
  /** Defaults to today in Asia/Shanghai. */
  date: IsoDateSchema.nullish(),
  region: z.strictObject({ cityCode: z.enum(CITY_CODES), area: z.enum(AREAS) }),
  hukouInShanxi: answer(z.boolean()),
  members: z
    .array(MemberSchema)
    .min(1, { message: '请至少填写 1 位家庭成员（包括您自己）' })
    .max(20, { message: '家庭成员最多 20 人' }),
  /** The whole household's monthly income. */
  monthlyIncome: answer(MoneySchema),
  financialAssets: answer(MoneySchema),
  hasExcludedProperty: answer(z.boolean()),
  rigidExpensesLast12Months: answer(MoneySchema),
  hasCapableSupporter: answer(z.boolean()),
  suddenHardship: answer(z.boolean()),
})

export const ReferenceSchema = z.object({
  title: z.string(),
  issuer: z.string(),
  date: IsoDateSchema,
  article: z.string().optional(),
  url: z.url().optional(),
  via: z.string().optional(),
})

export const ParameterInForceSchema = z.object({
  id: z.enum(PARAMETER_IDS as [ParameterId, ...ParameterId[]]),
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  from: IsoDateSchema,
  status: z.enum(PARAMETER_STATUSES),
  /** One line naming where the value comes from. */
  source: z.string(),
  /** The documents that give the value (openfisca's `reference`); empty when none is known. */
  references: z.array(ReferenceSchema).readonly(),
  /** True when a reference states `from`; false when `from` is the screener's policy start. */
  fromStated: z.boolean(),
  note: z.string().optional(),
})

export const CriterionSchema = z.object({
  id: z.enum(CRITERION_IDS),
  /** true met, false not met, null unknown. */
  met: z.boolean().nullable(),
  text: z.string(),
})

const WholeYuanSchema = z.number().int().min(0)

export const BenefitResultSchema = z.object({
  benefit: z.enum(BENEFIT_IDS),
  name: z.string(),
  tier: z.enum(TIERS),
  criteria: z.array(CriterionSchema),
  /** Whole yuan a month; null when it cannot be computed or no member qualifies. */
  monthlyAmount: WholeYuanSchema.nullable(),
  /** Whole yuan once, for one-off grants (适老化改造); null for the others. */
  maxOneOffAmount: WholeYuanSchema.nullable(),
  documents: z.array(z.enum(DOCUMENT_IDS)),
  parameters: z.array(ParameterInForceSchema),
})

/** The answer to POST /api/v1/screening: all 13 benefits in POLICY.md's order. */
export const ScreeningResponseSchema = z.object({
  date: IsoDateSchema,
  results: z.array(BenefitResultSchema).length(BENEFIT_IDS.length),
})

/** GET /api/v1/benefits?date= (date defaults to today in Asia/Shanghai). */
export const BenefitCatalogueQuerySchema = z.object({ date: IsoDateSchema.optional() })

export const BenefitSummarySchema = z.object({
  id: z.enum(BENEFIT_IDS),
  name: z.string(),
  description: z.string(),
  parameters: z.array(ParameterInForceSchema),
  documents: z.array(z.enum(DOCUMENT_IDS)),
})

/** The answer to GET /api/v1/benefits: the benefits with the parameters in force on `date`. */
export const BenefitCatalogueSchema = z.object({
  date: IsoDateSchema,
  benefits: z.array(BenefitSummarySchema),
})

export type ScreeningRequest = z.infer<typeof ScreeningRequestSchema>
export type ScreeningRequestMember = z.infer<typeof MemberSchema>
export type ScreeningResponse = z.infer<typeof ScreeningResponseSchema>
export type BenefitResult = z.infer<typeof BenefitResultSchema>
export type BenefitCatalogue = z.infer<typeof BenefitCatalogueSchema>
export type BenefitSummary = z.infer<typeof BenefitSummarySchema>
