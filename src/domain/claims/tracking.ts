// 查进度: what the owner and invited family are told about an application (`GET /applications/:id`),
// and the pure rules the server and the app share about it: which claim needs the applicant first,
// how a timeline time reads in Shanxi, how a viewer's copy is masked.
import dayjs from 'dayjs'
import { z } from 'zod'
import { ApplicationResponseSchema, ClaimSchema, NextActionSchema, type NextAction } from '../application/response'
import type { ClaimStatus } from '../application/claims'
import { DOCUMENT_IDS } from '../documents'
import { OfficeSchema } from './caseEvents'
import { DecisionSchema } from './decisions'
import { ViewerSchema } from './family'
import { todayInShanghai, toShanghai } from '../time'

/** One thing a reviewer asked for, with the document's name when it is a document. */
export const RequestedItemViewSchema = z.object({
  kind: z.enum(['document', 'answer']),
  documentId: z.enum(DOCUMENT_IDS).optional(),
  documentName: z.string().optional(),
  question: z.string().optional(),
})
export type RequestedItemView = z.infer<typeof RequestedItemViewSchema>

export const ClaimDetailSchema = ClaimSchema.extend({
  /** While the claim is `needs_info`: what is asked and the last day to supply it (YYYY-MM-DD). */
  requested: z.object({ items: z.array(RequestedItemViewSchema), dueDate: z.iso.date() }).nullable(),
  /** Once approved (to the owner): a monthly amount in fen from a start month, or a one-off amount. */
  decision: DecisionSchema.nullable(),
  /** The office handling the claim, once the review system has said which. */
  office: OfficeSchema.nullable(),
})
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>

const AmountsSchema = ApplicationResponseSchema.shape.income
const AssetsSchema = ApplicationResponseSchema.shape.assets

/**
 * `GET /applications/:id` (and the answer to withdraw and supplements): the application with each
 * claim's details. For a viewer (invited family) names are masked, the street address is left out,
 * income, assets and decided amounts are null, and the record is in general words (what is asked of
 * the applicant, not the reviewer's questions or the answers): they follow progress, not the household's
 * private affairs.
 */
export const ApplicationDetailSchema = ApplicationResponseSchema.omit({ claims: true, income: true, assets: true }).extend({
  role: z.enum(['owner', 'viewer']),
  claims: z.array(ClaimDetailSchema),
  income: AmountsSchema.nullable(),
  assets: AssetsSchema.nullable(),
  nextAction: NextActionSchema.nullable(),
  /** Who follows the application (owner only; a viewer gets an empty list). */
  viewers: z.array(ViewerSchema),
})
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>

interface ClaimWithRequest {
  id: string
  benefit: ClaimDetail['benefit']
  benefitName: string
  status: ClaimStatus
  requested: { dueDate: string } | null
}

/** The claim needing the applicant soonest: the `needs_info` claim with the earliest due date (ties: first listed). */
export function nextActionOf(claims: readonly ClaimWithRequest[]): NextAction | null {
  let best: NextAction | null = null
  for (const claim of claims) {
    if (claim.status !== 'needs_info' || !claim.requested) continue
    if (!best || claim.requested.dueDate < best.dueDate) {
      best = { claimId: claim.id, benefit: claim.benefit, benefitName: claim.benefitName, dueDate: claim.requested.dueDate }
    }
  }
  return best
}

/**
 * The list's order: applications needing the person first (earliest due date first), then the rest
 * newest first. Stable for equal keys.
 */
export function orderForList<T extends { createdAt: string; nextAction: { dueDate: string } | null }>(applications: readonly T[]): T[] {
  return [...applications].sort((a, b) => {
    if (a.nextAction && b.nextAction) return a.nextAction.dueDate.localeCompare(b.nextAction.dueDate)
    if (a.nextAction) return -1
    if (b.nextAction) return 1
    return b.createdAt.localeCompare(a.createdAt)
  })
}

/** A timeline instant as a resident in Shanxi reads it: `2026年3月1日 16:00`. */
export function formatShanghaiTime(at: string): string {
  return toShanghai(at).format('YYYY年M月D日 HH:mm')
}

/** The day of an instant in Shanxi: `2026年3月1日`. */
export function formatShanghaiDate(at: string): string {
  return toShanghai(at).format('YYYY年M月D日')
}

/** A date (YYYY-MM-DD) written out in full: `2026年3月20日`. */
export function formatFullDate(date: string): string {
  return dayjs(date).format('YYYY年M月D日')
}

/** A due date (YYYY-MM-DD) as `3月20日`, with the year when it is not this year in Shanxi. */
export function formatDueDate(date: string, now: Date | number = Date.now()): string {
  const due = dayjs(date)
  const thisYear = toShanghai(now).year()
  return due.format(due.year() === thisYear ? 'M月D日' : 'YYYY年M月D日')
}

/** Whole days from today in Shanxi to the due date: 0 on the day, negative once it has passed. */
export function daysUntil(date: string, now: Date | number = Date.now()): number {
  const today = dayjs(todayInShanghai(now))
  return dayjs(date).diff(today, 'day')
}

/** A month (YYYY-MM) as people write it: `2026-04` → `2026 年 4 月`. */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-')
  return `${year} 年 ${Number(number)} 月`
}
