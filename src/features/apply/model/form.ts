import { z } from 'zod'
import {
  adultsToAuthorize,
  ApplicationRequestSchema,
  INCOME_SOURCES,
  submissionIssues,
  type ApplicationRequestInput,
} from '@/domain/application'
import { CURRENT_PRIVACY_GUIDE_VERSION, CURRENT_SENSITIVE_INFO_CONSENT_VERSION } from '@/domain/application/consents'
import { DOCUMENT_IDS, type DocumentId } from '@/domain/documents'
import { BENEFIT_IDS, type BenefitId } from '@/domain/policy/rules/types'
import { ScreeningRequestSchema, todayInShanghai } from '@/domain/screening'

/** One uploaded file of a checklist item. */
export const UploadedFileSchema = z.object({ uploadId: z.string(), name: z.string() })
export type UploadedFile = z.infer<typeof UploadedFileSchema>

const MemberSchema = z.object({ name: z.string(), relation: z.string(), idNumber: z.string() })
export type MemberInput = z.infer<typeof MemberSchema>

/** The form as typed: text stays text (an error never clears what was typed), choices are keys or ''. */
export const ApplyFormSchema = z.object({
  applicantKind: z.enum(['', 'self', 'relative']),
  relative: z.object({ relation: z.string(), name: z.string(), phone: z.string() }),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  address: z.object({ cityCode: z.string(), countyCode: z.string(), township: z.string(), detail: z.string() }),
  members: z.array(MemberSchema),
  income: z.record(z.string(), z.string()),
  assets: z.object({ deposits: z.string(), investments: z.string(), vehicles: z.string(), otherHomes: z.string() }),
  benefits: z.array(z.enum(BENEFIT_IDS)),
  documents: z.partialRecord(z.enum(DOCUMENT_IDS), z.array(UploadedFileSchema)),
  privacy: z.boolean(),
  sensitive: z.boolean(),
  /** memberIndex (0: the beneficiary) → when that person confirmed the economic-check authorization. */
  economicCheck: z.record(z.string(), z.string()),
  screening: ScreeningRequestSchema.nullable(),
})
export type ApplyForm = z.infer<typeof ApplyFormSchema>

export function emptyForm(): ApplyForm {
  return {
    applicantKind: '',
    relative: { relation: '', name: '', phone: '' },
    name: '',
    idNumber: '',
    phone: '',
    address: { cityCode: '', countyCode: '', township: '', detail: '' },
    members: [],
    income: Object.fromEntries(INCOME_SOURCES.map((source) => [source, ''])),
    assets: { deposits: '', investments: '', vehicles: '', otherHomes: '' },
    benefits: [],
    documents: {},
    privacy: false,
    sensitive: false,
    economicCheck: {},
    screening: null,
  }
}

export const emptyMember = (): MemberInput => ({ name: '', relation: '', idNumber: '' })

/** A typed amount as the schema reads it: '' stays undefined (请填写), a number is a number, anything else stays text. */
function amount(text: string | undefined): number | string | undefined {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : trimmed
}

/** The request the form would send now (fields not filled yet are left for the schema to name). */
export function toRequest(form: ApplyForm): ApplicationRequestInput {
  const documents = DOCUMENT_IDS.flatMap((documentId) => {
    const files = form.documents[documentId] ?? []
    return files.length > 0 ? [{ documentId, uploadIds: files.map((file) => file.uploadId) }] : []
  })
  const request = {
    applicant:
      form.applicantKind === 'relative'
        ? { kind: 'relative', relation: form.relative.relation || undefined, name: form.relative.name, phone: form.relative.phone }
        : { kind: form.applicantKind || undefined },
    beneficiary: {
      name: form.name,
      idNumber: form.idNumber,
      phone: form.phone.trim() === '' ? null : form.phone,
      address: { ...form.address, cityCode: form.address.cityCode || undefined, countyCode: form.address.countyCode || undefined },
    },
    members: form.members.map((member) => ({ ...member, relation: member.relation || undefined })),
    income: Object.fromEntries(INCOME_SOURCES.map((source) => [source, amount(form.income[source])])),
    assets: {
      deposits: amount(form.assets.deposits),
      investments: amount(form.assets.investments),
      vehicles: amount(form.assets.vehicles),
      otherHomes: amount(form.assets.otherHomes),
    },
    benefits: form.benefits,
    documents,
    consents: {
      privacyVersion: form.privacy ? CURRENT_PRIVACY_GUIDE_VERSION : undefined,
      sensitiveInfoVersion: form.sensitive ? CURRENT_SENSITIVE_INFO_CONSENT_VERSION : undefined,
      economicCheck: Object.entries(form.economicCheck).map(([memberIndex, confirmedAt]) => ({ memberIndex: Number(memberIndex), confirmedAt })),
    },
    screening: form.screening,
  }
  // Deliberately loose: the schema is what says which fields are wrong, in the person's words.
  return request as ApplicationRequestInput
}

export interface FormIssue {
  /** Dotted path, as the server reports it: `members.0.idNumber`. */
  path: string
  message: string
}

/** Every problem with the form as it stands, the date-dependent ones included; the first message per field. */
export function formIssues(form: ApplyForm, today: string = todayInShanghai()): FormIssue[] {
  const parsed = ApplicationRequestSchema.safeParse(toRequest(form))
  const issues: FormIssue[] = parsed.success
    ? submissionIssues(parsed.data, today).map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    : parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
  const seen = new Set<string>()
  return issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path) !== undefined)
}

/** Adults of the household who must confirm the economic-check authorization, in memberIndex order. */
export function adultsToConfirm(form: ApplyForm, today: string = todayInShanghai()): { memberIndex: number; name: string }[] {
  return adultsToAuthorize({ beneficiary: { name: form.name, idNumber: form.idNumber }, members: form.members, benefits: form.benefits }, today)
}
export type { BenefitId, DocumentId }
