import { z } from 'zod'
import type { Draft as ServerDraft, DraftPayload } from '@/domain/application'
import { readStored, removeStored, storageKeys, writeStored } from '@/lib/storage'
import { ApplyFormSchema, emptyForm, type ApplyForm } from './form'
import { STEP_IDS, type StepId } from './steps'

/** The application draft on the device: the form, where the person was, and the submission key of the attempt. */
export const ApplyDraftSchema = z.object({
  form: ApplyFormSchema,
  step: z.enum(STEP_IDS).nullable(),
  /** One Idempotency-Key per attempt to submit: kept until it succeeds, so a retry after a lost answer is safe. */
  idempotencyKey: z.string().nullable(),
  /** When it was last saved on this device (ISO 8601). */
  savedAt: z.string(),
  /** The server draft's updatedAt this one is based on (null before the first server save). */
  serverUpdatedAt: z.string().nullable(),
})
export type ApplyDraft = z.infer<typeof ApplyDraftSchema>

export const newApplyDraft = (form: ApplyForm = emptyForm()): ApplyDraft => ({
  form,
  step: null,
  idempotencyKey: null,
  savedAt: new Date().toISOString(),
  serverUpdatedAt: null,
})

export function loadApplyDraft(): ApplyDraft | undefined {
  return readStored(storageKeys.applyDraft, ApplyDraftSchema)
}

/** Saved at every step; a draft is a few KB, far under WeChat's 1 MB per key. */
export function saveApplyDraft(draft: ApplyDraft): ApplyDraft {
  const saved = { ...draft, savedAt: new Date().toISOString() }
  writeStored(storageKeys.applyDraft, saved)
  return saved
}

export function clearApplyDraft(): void {
  removeStored(storageKeys.applyDraft)
}

export const hasProgress = (draft: ApplyDraft | undefined): draft is ApplyDraft => draft !== undefined && draft.step !== null

export const stepOrStart = (draft: ApplyDraft): StepId => draft.step ?? 'applicant'

/** What the server keeps: the form and the step (the submission key stays on this phone). */
export function serverPayload(draft: ApplyDraft): DraftPayload {
  return JSON.parse(JSON.stringify({ form: draft.form, step: draft.step })) as DraftPayload
}

const ServerPayloadSchema = z.object({ form: ApplyFormSchema, step: z.enum(STEP_IDS).nullable() })

/** The server's draft as a local one; undefined when it was written by a version of the app that no longer fits. */
export function fromServer(server: ServerDraft): ApplyDraft | undefined {
  const parsed = ServerPayloadSchema.safeParse(server.payload)
  if (!parsed.success) return undefined
  return { form: parsed.data.form, step: parsed.data.step, idempotencyKey: null, savedAt: server.updatedAt, serverUpdatedAt: server.updatedAt }
}
