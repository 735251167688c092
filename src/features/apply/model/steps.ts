import type { ApplyForm, FormIssue } from './form'
import { formIssues } from './form'

/**
 * The application as one ordered list of steps (one topic per page), each naming the request
 * fields it asks for, so the schema's issues can be shown on the page that asks for them.
 */
export const STEP_IDS = ['applicant', 'identity', 'contact', 'address', 'members', 'income', 'assets', 'benefits', 'documents', 'consent', 'review'] as const
export type StepId = (typeof STEP_IDS)[number]

const FIELDS: Record<StepId, readonly string[]> = {
  applicant: ['applicant'],
  identity: ['beneficiary.name', 'beneficiary.idNumber'],
  contact: ['beneficiary.phone'],
  address: ['beneficiary.address'],
  members: ['members'],
  income: ['income'],
  assets: ['assets'],
  benefits: ['benefits'],
  documents: ['documents'],
  consent: ['consents'],
  review: [],
}

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`)

/** The step that asks for a field (the review page for anything else). */
export function stepOf(path: string): StepId {
  return STEP_IDS.find((id) => FIELDS[id].some((prefix) => within(path, prefix))) ?? 'review'
}

/**
 * The problems on one step's fields. Later steps not filled yet must not hide this step's
 * cross-field checks (duplicate ID numbers), so an empty choice of benefits is stood in for here.
 */
export function stepIssues(form: ApplyForm, step: StepId, today?: string): FormIssue[] {
  const checked: ApplyForm = step !== 'benefits' && form.benefits.length === 0 ? { ...form, benefits: ['temporary_assistance'] } : form
  return formIssues(checked, today).filter((issue) => FIELDS[step].some((prefix) => within(issue.path, prefix)))
}

export function nextStepId(step: StepId): StepId | undefined {
  return STEP_IDS[STEP_IDS.indexOf(step) + 1]
}

export function previousStepId(step: StepId): StepId | undefined {
  const index = STEP_IDS.indexOf(step)
  return index > 0 ? STEP_IDS[index - 1] : undefined
}

export function stepProgress(step: StepId): { n: number; total: number } {
  return { n: STEP_IDS.indexOf(step) + 1, total: STEP_IDS.length }
}
