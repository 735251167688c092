// What the owner of an application sends to withdraw claims or to supply what a reviewer asked for.
import { z } from 'zod'
import { DOCUMENT_IDS } from '../documents'

/** `POST /applications/:id/withdraw`: the claims to withdraw (every undecided one when absent) and why; the body itself is optional. */
export const WithdrawRequestSchema = z
  .object({
    claimIds: z.array(z.uuid()).min(1).max(20).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .nullish()
export type WithdrawRequest = z.infer<typeof WithdrawRequestSchema>

export const SupplementAnswerSchema = z.object({
  question: z.string().trim().min(1).max(500),
  answer: z.string().trim().min(1).max(2000),
})

/** `POST /applications/:id/supplements`: answers and/or uploaded documents for one claim that needs them. */
export const SupplementRequestSchema = z
  .object({
    claimId: z.uuid(),
    answers: z.array(SupplementAnswerSchema).max(20).optional(),
    documents: z.array(z.object({ documentId: z.enum(DOCUMENT_IDS), uploadIds: z.array(z.uuid()).min(1).max(10) })).max(20).optional(),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.answers?.length ?? 0) + (body.documents?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: '请上传材料或回答问题' })
    }
  })
export type SupplementRequest = z.infer<typeof SupplementRequestSchema>
