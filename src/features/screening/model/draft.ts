import { z } from 'zod'
import { readStored, removeStored, writeStored } from '@/lib/storage'
import { AnswersSchema, emptyAnswers, type Answers } from './answers'

/** Where the screener keeps its answers on the device (never sent anywhere: the screening runs in the app). */
export const SCREENING_DRAFT_KEY = 'jx.screening'

const DraftSchema = z.object({
  answers: AnswersSchema,
  /** The key of the step to resume at; null before the first question. */
  step: z.string().nullable(),
  /** All questions answered once: resuming opens the results. */
  finished: z.boolean(),
})

export type Draft = z.infer<typeof DraftSchema>

export const newDraft = (): Draft => ({ answers: emptyAnswers(), step: null, finished: false })

/** The saved draft; one that no longer fits the schema (an older version of the app) reads as none. */
export function loadDraft(): Draft | undefined {
  return readStored(SCREENING_DRAFT_KEY, DraftSchema)
}

export function saveDraft(draft: Draft): void {
  writeStored(SCREENING_DRAFT_KEY, draft)
}

export function saveAnswers(answers: Answers, step: string | null, finished: boolean): Draft {
  const draft = { answers, step, finished }
  saveDraft(draft)
  return draft
}

export function clearDraft(): void {
  removeStored(SCREENING_DRAFT_KEY)
}

/** A draft worth offering to resume: at least one question answered. */
export const hasProgress = (draft: Draft | undefined): draft is Draft =>
  draft !== undefined && (draft.finished || draft.answers.cityCode !== undefined)
