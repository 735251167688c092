// A claim is one benefit inside an application (shared/API.md "Claim status"). The status machine's
// transitions belong to tracking; here are the statuses, their names, and which ones are still open.
import { z } from 'zod'

export const CLAIM_STATUSES = [
  'submitted',
  'accepted',
  'verifying',
  'needs_info',
  'public_notice',
  'approved',
  'rejected',
  'paying',
  'withdrawn',
  'referred',
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const ClaimStatusSchema = z.enum(CLAIM_STATUSES)

/** How each status is shown to residents. */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  verifying: '核对调查中',
  needs_info: '需补正材料',
  public_notice: '公示中',
  approved: '已批准',
  rejected: '未获批准',
  paying: '发放中',
  withdrawn: '已撤回',
  referred: '已转办',
}

/**
 * Statuses after which a new claim for the same person and benefit may be made: refused, withdrawn,
 * or handed to another department. Every other status (pending, approved or being paid) is open, and
 * a second application for the same beneficiary and benefit is refused while one is open.
 * The database mirrors this list in a partial unique index (migration 020_applications).
 */
export const CLOSED_CLAIM_STATUSES: readonly ClaimStatus[] = ['rejected', 'withdrawn', 'referred']

/** One entry of a claim's timeline: what changed, when, and a plain-language note. */
export const ClaimEventSchema = z.object({
  status: ClaimStatusSchema,
  statusLabel: z.string(),
  note: z.string(),
  /** ISO 8601 instant. */
  at: z.iso.datetime(),
})
export type ClaimEvent = z.infer<typeof ClaimEventSchema>
