import { z } from 'zod'
import {
  AddressSchema,
  ApplicantSchema,
  ApplicationRequestSchema,
  AssetsSchema,
  ConsentsSchema,
  IncomeSchema,
  PersonNameSchema,
  contactIssues,
  economicCheckIssuesOn,
  idNumberIssuesOn,
  repeatedPersonIssues,
  type FieldIssue,
} from '@/domain/application'
import { IdNumberSchema } from '@/domain/identity'
import { BENEFIT_IDS } from '@/domain/policy/rules/types'
import { PhoneSchema } from '@/domain/phone'
import { todayInShanghai } from '@/domain/screening'
import { checklistFor } from './checklist'
import { toRequest, type ApplyForm, type FormIssue } from './form'

/**
 * The application as ONE ordered list of steps (one topic per page, as the screener's): each names
 * the request fields it asks for (so the server's issues are shown where they can be fixed), may be
 * skipped by `show`, and checks only its own part of the request with its own schema.
 */
export const STEP_IDS = ['applicant', 'identity', 'contact', 'address', 'members', 'income', 'assets', 'benefits', 'documents', 'consent', 'review'] as const
export type StepId = (typeof STEP_IDS)[number]

interface ApplyStep {
  id: StepId
  /** The request fields this step asks for: issues about them are shown on it. */
  fields: readonly string[]
  /** Whether the step is asked, given the form; asked when absent. */
  show?(form: ApplyForm): boolean
  /**
   * Its part of the request schema (a loose object: the other fields are not its business) and the
   * checks across fields it asks for; `today` is the date ID numbers are read against.
   */
  schema(today: string): z.ZodType
}

const shape = ApplicationRequestSchema.shape

/** Adds domain checks across fields to a step's schema; they run once its own fields parse. */
function checked<T>(schema: z.ZodType<T>, ...checks: ((value: T) => FieldIssue[])[]): z.ZodType<T> {
  return schema.superRefine((value, ctx) => {
    for (const issue of checks.flatMap((check) => check(value))) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  })
}

/** The household's names and ID numbers as typed, for the checks that read them on a date. */
const Household = z.object({
  beneficiary: z.object({ name: z.string(), idNumber: z.string() }),
  members: z.array(z.object({ name: z.string(), idNumber: z.string() })),
})

export const STEPS: readonly ApplyStep[] = [
  { id: 'applicant', fields: ['applicant'], schema: () => z.object({ applicant: ApplicantSchema }) },
  {
    id: 'identity',
    fields: ['beneficiary.name', 'beneficiary.idNumber'],
    schema: (today) =>
      checked(z.object({ beneficiary: z.object({ name: PersonNameSchema, idNumber: IdNumberSchema }) }), (request) =>
        idNumberIssuesOn({ beneficiary: { name: request.beneficiary.name, idNumber: request.beneficiary.idNumber }, members: [] }, today),
      ),
  },
  {
    id: 'contact',
    fields: ['beneficiary.phone'],
    schema: () => checked(z.object({ applicant: z.object({ kind: z.string().default('') }), beneficiary: z.object({ phone: PhoneSchema.nullish() }) }), contactIssues),
  },
  { id: 'address', fields: ['beneficiary.address'], schema: () => z.object({ beneficiary: z.object({ address: AddressSchema }) }) },
  {
    id: 'members',
    fields: ['members'],
    schema: (today) =>
      checked(
        Household.extend({ members: shape.members }),
        repeatedPersonIssues,
        (request) => idNumberIssuesOn(request, today).filter((issue) => issue.path[0] === 'members'),
      ),
  },
  { id: 'income', fields: ['income'], schema: () => z.object({ income: IncomeSchema }) },
  { id: 'assets', fields: ['assets'], schema: () => z.object({ assets: AssetsSchema }) },
  { id: 'benefits', fields: ['benefits'], schema: () => z.object({ benefits: shape.benefits }) },
  // Skipped when the chosen benefits need no document; files may also be sent later, so none is required here.
  { id: 'documents', fields: ['documents'], show: (form) => form.benefits.length === 0 || checklistFor(form).length > 0, schema: () => z.object({}) },
  {
    id: 'consent',
    fields: ['consents'],
    schema: (today) => checked(Household.extend({ benefits: z.array(z.enum(BENEFIT_IDS)), consents: ConsentsSchema }), (request) => economicCheckIssuesOn(request, today)),
  },
  { id: 'review', fields: [], schema: () => z.object({}) },
]

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`)
const stepNamed = (id: StepId): ApplyStep => STEPS.find((step) => step.id === id) ?? STEPS[STEPS.length - 1]

/** The step that asks for a field (the review page for anything else). */
export function stepOf(path: string): StepId {
  return STEPS.find((step) => step.fields.some((prefix) => within(path, prefix)))?.id ?? 'review'
}

/** The steps asked for this form, in order. */
export const visibleSteps = (form: ApplyForm): StepId[] => STEPS.filter((step) => step.show?.(form) ?? true).map((step) => step.id)

/** The problems on one step's fields, by its own schema; the first message per field. */
export function stepIssues(form: ApplyForm, id: StepId, today: string = todayInShanghai()): FormIssue[] {
  const parsed = stepNamed(id).schema(today).safeParse(toRequest(form))
  if (parsed.success) return []
  const seen = new Set<string>()
  return parsed.error.issues
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    .filter((issue) => !seen.has(issue.path) && seen.add(issue.path) !== undefined)
}

export function nextStepId(form: ApplyForm, step: StepId): StepId | undefined {
  const steps = visibleSteps(form)
  return steps[steps.indexOf(step) + 1]
}

export function previousStepId(form: ApplyForm, step: StepId): StepId | undefined {
  const steps = visibleSteps(form)
  const index = steps.indexOf(step)
  return index > 0 ? steps[index - 1] : undefined
}

/** "第 n 步，共约 total 步" among the steps asked for this form. */
export function stepProgress(form: ApplyForm, step: StepId): { n: number; total: number } {
  const steps = visibleSteps(form)
  return { n: steps.indexOf(step) + 1, total: steps.length }
}
