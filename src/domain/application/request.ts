// `POST /applications` (一次申请): one application for several benefits, for oneself or for a relative.
// The same schema checks the form in the app and the body on the server.
import { z } from 'zod'
import { CITY_CODES } from '../cities'
import { findCounty } from '../care/regions'
import { DOCUMENT_IDS, documentChecklist, type DocumentId } from '../documents'
import { IdNumberSchema, ageOn, parseIdNumber } from '../identity'
import { PhoneSchema } from '../phone'
import { RELATIONS } from '../policy/household'
import { BENEFIT_IDS, type BenefitId } from '../policy/rules/types'
import { MoneySchema, ScreeningRequestSchema } from '../screening/schemas'
import { PRIVACY_GUIDE_VERSIONS, SENSITIVE_INFO_CONSENT_VERSIONS } from './consents'

/** Relations to the beneficiary (the person the benefits are for); `self` is the beneficiary. */
export const KIN_RELATIONS = RELATIONS.filter((relation) => relation !== 'self') as [
  Exclude<(typeof RELATIONS)[number], 'self'>,
  ...Exclude<(typeof RELATIONS)[number], 'self'>[],
]
export type KinRelation = (typeof KIN_RELATIONS)[number]

/** At most 20 people in a household, the beneficiary included (as in screening). */
export const MAX_HOUSEHOLD = 20

/** Household income by source, CNY a month (家庭月收入). */
export const INCOME_SOURCES = ['wages', 'pension', 'business', 'farming', 'property', 'support', 'other'] as const
export type IncomeSource = (typeof INCOME_SOURCES)[number]
export const INCOME_SOURCE_LABELS: Record<IncomeSource, string> = {
  wages: '工资性收入',
  pension: '养老金、退休金',
  business: '经营性收入',
  farming: '种植养殖等农业收入',
  property: '房租、利息等财产性收入',
  support: '赡养费、扶养费、抚养费',
  other: '其他收入',
}

/** 1 to 40 characters: letters (any script), the middle dot of minority names, spaces. */
export const PersonNameSchema = z
  .string({ message: '请填写姓名' })
  .trim()
  .min(1, { message: '请填写姓名' })
  .max(40, { message: '姓名最多 40 个字' })
  .regex(/^[\p{L}\p{M}·・•.\s]+$/u, { message: '姓名只能包含文字和间隔号“·”' })

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}最多 ${max} 个字` })

/** Where the beneficiary lives: city and county codes of Shanxi, township or street, and the rest. */
export const AddressSchema = z
  .strictObject({
    cityCode: z.enum(CITY_CODES, { message: '请选择山西省的地级市' }),
    countyCode: z.string({ message: '请选择县（市、区）' }).regex(/^14\d{4}$/, { message: '请选择县（市、区）' }),
    /** 乡镇（街道）. */
    township: text('乡镇（街道）', 40),
    /** 村（社区）、门牌号. */
    detail: text('详细地址', 120),
  })
  .superRefine((address, ctx) => {
    const county = findCounty(address.countyCode)
    if (!county || county.cityCode !== address.cityCode) {
      ctx.addIssue({ code: 'custom', path: ['countyCode'], message: '所选县（市、区）不属于所选的市，请重新选择' })
    }
  })

/** Who fills in the application: the beneficiary, or a relative acting for them (代办). */
export const ApplicantSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('self') }),
    z.strictObject({
      kind: z.literal('relative'),
      /** What the applicant is to the beneficiary: `child` when a daughter applies for her mother. */
      relation: z.enum(KIN_RELATIONS, { message: '请选择您与申请对象的关系' }),
      name: PersonNameSchema,
      phone: PhoneSchema,
    }),
  ],
  { message: '请选择为自己申请还是为家人申请' },
)

export const BeneficiarySchema = z.strictObject({
  name: PersonNameSchema,
  idNumber: IdNumberSchema,
  /** Optional when a relative applies (their phone is then the contact). */
  phone: PhoneSchema.nullish(),
  address: AddressSchema,
})

/** Another member of the beneficiary's household (共同生活的家庭成员). */
export const HouseholdMemberSchema = z.strictObject({
  name: PersonNameSchema,
  /** What this member is to the beneficiary. */
  relation: z.enum(KIN_RELATIONS, { message: '请选择与申请对象的关系' }),
  idNumber: IdNumberSchema,
})

const wholeCount = (label: string) =>
  z
    .number({ message: `请填写${label}（数字）` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(99, { message: `${label}最多 99` })

export const IncomeSchema = z.strictObject(
  Object.fromEntries(INCOME_SOURCES.map((source) => [source, MoneySchema])) as Record<IncomeSource, typeof MoneySchema>,
)

/** What the household owns (家庭财产). */
export const AssetsSchema = z.strictObject({
  /** 存款, CNY. */
  deposits: MoneySchema,
  /** 股票、基金、理财等, CNY. */
  investments: MoneySchema,
  /** Motor vehicles (机动车). */
  vehicles: wholeCount('车辆数'),
  /** Homes besides the one lived in (除自住外的房产). */
  otherHomes: wholeCount('房产数'),
})

/** The files sent for one item of the document checklist (one upload can serve several benefits). */
export const DocumentUploadsSchema = z.strictObject({
  documentId: z.enum(DOCUMENT_IDS, { message: '未知的材料类型' }),
  uploadIds: z
    .array(z.uuid({ message: '文件编号格式不正确' }))
    .min(1, { message: '请至少上传 1 个文件' })
    .max(20, { message: '每项材料最多 20 个文件' }),
})

/**
 * The authorization for the household economic check (家庭经济状况核对授权), confirmed by one person.
 * `memberIndex` counts the household as {@link householdPeople} lists it: 0 is the beneficiary,
 * 1 is `members[0]`, and so on.
 */
export const EconomicCheckConfirmationSchema = z.strictObject({
  memberIndex: z.number({ message: '请指明确认授权的家庭成员' }).int().min(0).max(MAX_HOUSEHOLD - 1),
  /** ISO 8601 instant the person confirmed. */
  confirmedAt: z.iso.datetime({ message: '确认时间格式不正确' }),
})

export const ConsentsSchema = z.strictObject({
  /** The version of the privacy guide (隐私保护指引) agreed to. */
  privacyVersion: z.enum(PRIVACY_GUIDE_VERSIONS, { message: '请阅读并同意最新的隐私保护指引' }),
  /** The version of the consent to process sensitive personal information agreed to. */
  sensitiveInfoVersion: z.enum(SENSITIVE_INFO_CONSENT_VERSIONS, { message: '请阅读并同意敏感个人信息处理说明' }),
  economicCheck: z.array(EconomicCheckConfirmationSchema).max(MAX_HOUSEHOLD),
})

export const ApplicationRequestSchema = z
  .strictObject({
    applicant: ApplicantSchema,
    beneficiary: BeneficiarySchema,
    members: z.array(HouseholdMemberSchema).max(MAX_HOUSEHOLD - 1, { message: `家庭成员最多 ${MAX_HOUSEHOLD} 人（含申请对象）` }),
    income: IncomeSchema,
    assets: AssetsSchema,
    benefits: z
      .array(z.enum(BENEFIT_IDS, { message: '未知的补助项目' }))
      .min(1, { message: '请至少选择 1 项补助' })
      .max(BENEFIT_IDS.length),
    documents: z.array(DocumentUploadsSchema).max(DOCUMENT_IDS.length),
    consents: ConsentsSchema,
    /** The screener's answers this application started from, if it did. */
    screening: ScreeningRequestSchema.nullish(),
  })
  .superRefine(
    (request, ctx) => {
      for (const issue of crossFieldIssues(request)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    },
    // Also when some fields are wrong, so that every mistake is listed at once, as long as the
    // structure the checks walk through (objects, arrays, the applicant's kind) is sound.
    { when: (payload) => payload.issues.every(leavesStructureSound) },
  )

export type ApplicationRequest = z.infer<typeof ApplicationRequestSchema>
/** What the app builds before parsing (ID numbers and phones as typed). */
export type ApplicationRequestInput = z.input<typeof ApplicationRequestSchema>
export type Applicant = ApplicationRequest['applicant']
export type Beneficiary = ApplicationRequest['beneficiary']
export type HouseholdMember = ApplicationRequest['members'][number]

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

/** A person of the household in {@link EconomicCheckConfirmationSchema}'s order. */
export interface HouseholdPerson {
  memberIndex: number
  name: string
  idNumber: string
}

/** The people of a household as the request names them. */
export type HouseholdIds = { beneficiary: { name: string; idNumber: string }; members: readonly { name: string; idNumber: string }[] }

/** The household in `memberIndex` order: the beneficiary, then the members as listed. */
export function householdPeople(request: HouseholdIds): HouseholdPerson[] {
  return [request.beneficiary, ...request.members].map((person, memberIndex) => ({ memberIndex, name: person.name, idNumber: person.idNumber }))
}

/** The documents this application may carry: the benefits' checklist, plus the 代办委托书 when a relative applies. */
export function allowedDocuments(request: Pick<ApplicationRequest, 'applicant' | 'benefits'>): DocumentId[] {
  const ids: DocumentId[] = documentChecklist(request.benefits).map((item) => item.id)
  if (request.applicant.kind === 'relative') ids.push('relative_authorization')
  return ids
}

/** Whether the chosen benefits need the household economic check (its authorization is on their checklist). */
export function needsEconomicCheck(benefits: readonly BenefitId[]): boolean {
  return documentChecklist(benefits).some((item) => item.id === 'economic_check_authorization')
}

function duplicates<T>(values: readonly T[]): Map<number, number> {
  const firstSeen = new Map<T, number>()
  const repeats = new Map<number, number>()
  values.forEach((value, index) => {
    // A value that failed its own check (not a string or number) is never a duplicate.
    if (typeof value !== 'string' && typeof value !== 'number') return
    const first = firstSeen.get(value)
    if (first === undefined) firstSeen.set(value, index)
    else repeats.set(index, first)
  })
  return repeats
}

/** How deep an issue must be, under each field, for the objects and arrays above it to be sound. */
const SOUND_DEPTH: Record<string, (path: readonly PropertyKey[]) => boolean> = {
  applicant: (path) => path.length >= 2 && path[1] !== 'kind',
  beneficiary: (path) => path.length >= 2,
  members: (path) => path.length >= 3,
  benefits: (path) => path.length >= 2,
  documents: (path) => path.length >= 3 && (path[2] !== 'uploadIds' || path.length >= 4),
  consents: (path) => path.length >= 2 && (path[1] !== 'economicCheck' || path.length >= 4),
  income: () => true,
  assets: () => true,
  screening: () => true,
}

function leavesStructureSound(issue: { code: string; path?: readonly PropertyKey[] }): boolean {
  if (issue.code === 'unrecognized_keys') return true
  const path = issue.path ?? []
  const field = path[0]
  return typeof field === 'string' && (SOUND_DEPTH[field]?.(path) ?? false)
}

/**
 * Checks across fields that do not depend on the date; each issue has the path of the field to fix.
 * Runs on partly invalid input too (see `leavesStructureSound`): a value that failed its own check
 * is not a string or number here and is never taken as a duplicate.
 */
function crossFieldIssues(request: ApplicationRequest): FieldIssue[] {
  const issues: FieldIssue[] = [...contactIssues(request), ...repeatedPersonIssues(request)]
  for (const [index] of duplicates(request.benefits)) {
    issues.push({ path: ['benefits', index], message: '同一项补助只需选择一次' })
  }
  const allowed = new Set(allowedDocuments(request))
  for (const [index] of duplicates(request.documents.map((document) => document.documentId))) {
    issues.push({ path: ['documents', index, 'documentId'], message: '同一项材料只需列出一次，可在其中上传多个文件' })
  }
  request.documents.forEach((document, index) => {
    if (!allowed.has(document.documentId)) {
      issues.push({ path: ['documents', index, 'documentId'], message: '所选补助不需要这项材料' })
    }
    for (const [fileIndex] of duplicates(document.uploadIds)) {
      issues.push({ path: ['documents', index, 'uploadIds', fileIndex], message: '同一个文件重复了' })
    }
  })
  const household = request.members.length + 1
  request.consents.economicCheck.forEach((confirmation, index) => {
    if (typeof confirmation.memberIndex === 'number' && confirmation.memberIndex >= household) {
      issues.push({ path: ['consents', 'economicCheck', index, 'memberIndex'], message: '没有这位家庭成员' })
    }
  })
  for (const [index] of duplicates(request.consents.economicCheck.map((confirmation) => confirmation.memberIndex))) {
    issues.push({ path: ['consents', 'economicCheck', index, 'memberIndex'], message: '这位家庭成员已经确认过授权' })
  }
  return issues
}

/** A beneficiary applying for themself is the contact: their phone is needed. */
export function contactIssues(request: { applicant: { kind: string }; beneficiary: { phone?: string | null } }): FieldIssue[] {
  return request.applicant.kind === 'self' && !request.beneficiary.phone ? [{ path: ['beneficiary', 'phone'], message: '请填写联系电话' }] : []
}

/** Each person once: a member's ID number may not repeat the beneficiary's or an earlier member's. */
export function repeatedPersonIssues(request: { beneficiary: { idNumber: unknown }; members: readonly { idNumber: unknown }[] }): FieldIssue[] {
  const ids = [request.beneficiary.idNumber, ...request.members.map((member) => member.idNumber)]
  return [...duplicates(ids)].map(([index, first]) => ({
    path: ['members', index - 1, 'idNumber'],
    message: first === 0 ? '与申请对象的身份证号码相同，申请对象不用再列为家庭成员' : `与第 ${first} 位家庭成员的身份证号码相同`,
  }))
}

/** Adults: 18 and over. */
export const ADULT_AGE = 18

/** The path of a household person's ID number in the request. */
const idNumberPath = (memberIndex: number) => (memberIndex === 0 ? ['beneficiary', 'idNumber'] : ['members', memberIndex - 1, 'idNumber'])

/** Each person's ID number read against `today` (YYYY-MM-DD in Asia/Shanghai): a birth date after it is refused. */
export function idNumberIssuesOn(request: HouseholdIds, today: string): FieldIssue[] {
  return householdPeople(request).flatMap((person) => {
    const parsed = parseIdNumber(person.idNumber, today)
    return parsed.ok ? [] : [{ path: idNumberPath(person.memberIndex), message: parsed.message }]
  })
}

/** The adults of the household (18 or over on `today`) who must authorize the economic check, when the benefits need it. */
export function adultsToAuthorize(request: HouseholdIds & { benefits: readonly BenefitId[] }, today: string): HouseholdPerson[] {
  if (!needsEconomicCheck(request.benefits)) return []
  return householdPeople(request).filter((person) => {
    const parsed = parseIdNumber(person.idNumber, today)
    return parsed.ok && ageOn(parsed.value.birthDate, today) >= ADULT_AGE
  })
}

/** One issue per adult who must authorize the economic check and has not confirmed it. */
export function economicCheckIssuesOn(request: HouseholdIds & { benefits: readonly BenefitId[]; consents: { economicCheck: readonly { memberIndex: number }[] } }, today: string): FieldIssue[] {
  const confirmed = new Set(request.consents.economicCheck.map((confirmation) => confirmation.memberIndex))
  return adultsToAuthorize(request, today)
    .filter((person) => !confirmed.has(person.memberIndex))
    .map((person) => ({ path: ['consents', 'economicCheck'], message: `${person.name}已满 ${ADULT_AGE} 岁，需要本人确认家庭经济状况核对授权` }))
}

/**
 * Checks that depend on the date of submission (`today`, YYYY-MM-DD in Asia/Shanghai): birth dates
 * not after today, and the economic check's authorization by every adult. Run after the schema.
 */
export function submissionIssues(request: ApplicationRequest, today: string): FieldIssue[] {
  return [...idNumberIssuesOn(request, today), ...economicCheckIssuesOn(request, today)]
}

/** The checklist items this application has no file for yet (they can be brought or sent later). */
export function missingDocuments(request: Pick<ApplicationRequest, 'applicant' | 'benefits' | 'documents'>): DocumentId[] {
  const sent = new Set(request.documents.map((document) => document.documentId))
  return allowedDocuments(request).filter((id) => !sent.has(id))
}
