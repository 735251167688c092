// What the applicant sends for a claim in needs_info: a file for each document asked for and an answer
// to each question. Kept on the phone as it is typed and uploaded, so nothing is lost if sending fails.
import { z } from 'zod'
import { fill } from '@/lib/template'
import type { ClaimDetail, SupplementRequest } from '@/domain/claims'
import { readStored, removeStored, storageKeys, writeStored } from '@/lib/storage'
import type { UploadedFile } from '@/lib/uploads'

export const SupplementDraftSchema = z.object({
  /** Question index → answer as typed. */
  answers: z.record(z.string(), z.string()),
  /** Document id → files uploaded for it. */
  documents: z.record(z.string(), z.array(z.object({ uploadId: z.string(), name: z.string() }))),
})
export type SupplementDraft = z.infer<typeof SupplementDraftSchema>

export const emptySupplement = (): SupplementDraft => ({ answers: {}, documents: {} })

const key = (claimId: string) => `${storageKeys.supplementDraft}${claimId}`

export function loadSupplement(claimId: string): SupplementDraft {
  return readStored(key(claimId), SupplementDraftSchema) ?? emptySupplement()
}

export function saveSupplement(claimId: string, draft: SupplementDraft): void {
  writeStored(key(claimId), draft)
}

export function clearSupplement(claimId: string): void {
  removeStored(key(claimId))
}

type Requested = NonNullable<ClaimDetail['requested']>

export const answerField = (index: number) => `answers.${index}`
export const documentField = (documentId: string) => `documents.${documentId}`

export interface SupplementMessages {
  needDocument: string
  needAnswer: string
}

/** What is still missing, as `field → message`: every document asked for needs a file, every question an answer. */
export function supplementIssues(requested: Requested, draft: SupplementDraft, messages: SupplementMessages): Record<string, string> {
  const issues: Record<string, string> = {}
  requested.items.forEach((item, index) => {
    if (item.kind === 'document' && item.documentId && (draft.documents[item.documentId]?.length ?? 0) === 0) {
      issues[documentField(item.documentId)] = fill(messages.needDocument, { name: item.documentName ?? '' })
    }
    if (item.kind === 'answer' && (draft.answers[String(index)] ?? '').trim() === '') issues[answerField(index)] = messages.needAnswer
  })
  return issues
}

/** The body of `POST /supplements` for what the draft holds. */
export function supplementRequest(claimId: string, requested: Requested, draft: SupplementDraft): SupplementRequest {
  const answers = requested.items.flatMap((item, index) => {
    const answer = (draft.answers[String(index)] ?? '').trim()
    return item.kind === 'answer' && item.question && answer ? [{ question: item.question, answer }] : []
  })
  const documents = requested.items.flatMap((item) => {
    const files: UploadedFile[] = item.documentId ? (draft.documents[item.documentId] ?? []) : []
    return item.kind === 'document' && item.documentId && files.length > 0 ? [{ documentId: item.documentId, uploadIds: files.map((file) => file.uploadId) }] : []
  })
  return { claimId, ...(answers.length > 0 ? { answers } : {}), ...(documents.length > 0 ? { documents } : {}) }
}
