// What the owner of an application may do to its claims: withdraw those not yet decided, and supply
// what a reviewer asked for (needs_info → verifying). Each change is a timeline entry by 'applicant'.
import { randomUUID } from 'node:crypto'
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import { canTransition, generalNote, supplementNote, withdrawnNote, type ClaimEventDetails, type SupplementRequest, type WithdrawRequest } from '@/domain/claims'
import type { BenefitId } from '@/domain/policy/rules/types'
import type { Db, Queryable } from '../db'
import { badRequest, conflict, notFound, type HttpError } from '../errors'

/** 409: the claim is decided or closed already. */
export const notWithdrawable = (status: ClaimStatus): HttpError => conflict(`“${CLAIM_STATUS_LABELS[status]}”的事项不能撤回。`, { code: 'not_withdrawable' })

/** 409: withdrawing everything when nothing is left undecided. */
export const nothingToWithdraw = (): HttpError => conflict('没有可以撤回的事项：都已有结果或已撤回。', { code: 'not_withdrawable' })

/** 409: supplying a claim that asks for nothing. */
export const noInfoRequested = (): HttpError => conflict('这一项现在不需要补充材料。', { code: 'no_info_requested' })
import { queueStatusNotifications } from '../notifications/outbox'

interface LockedClaim {
  id: string
  benefit: BenefitId
  status: ClaimStatus
  last_seq: number
}

/** The application's claims, locked, when `ownerId` owns it; otherwise 404 (never saying whether it exists). */
async function lockOwnClaims(tx: Queryable, ownerId: string, applicationId: string): Promise<LockedClaim[]> {
  const owned = await tx.query('SELECT 1 FROM applications WHERE id = $1 AND owner_id = $2', [applicationId, ownerId])
  if (owned.rowCount === 0) throw notFound()
  const claims = await tx.query<LockedClaim>(
    `SELECT c.id, c.benefit, c.status, (SELECT coalesce(max(e.seq), 0)::int FROM claim_events e WHERE e.claim_id = c.id) AS last_seq
     FROM claims c WHERE c.application_id = $1 ORDER BY c.id FOR UPDATE`,
    [applicationId],
  )
  return claims.rows
}

async function moveClaim(tx: Queryable, applicationId: string, claim: LockedClaim, to: ClaimStatus, note: string, details: ClaimEventDetails, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO claim_events (id, claim_id, seq, status, note, actor, at, details) VALUES ($1, $2, $3, $4, $5, 'applicant', $6, $7)`,
    [randomUUID(), claim.id, claim.last_seq + 1, to, note, now, JSON.stringify(details)],
  )
  await tx.query('UPDATE claims SET status = $2, updated_at = $3 WHERE id = $1', [claim.id, to, now])
  const viewerNote = generalNote(to, claim.benefit, details)
  await queueStatusNotifications(tx, claim.id, { applicationId, benefit: claim.benefit, status: to, statusLabel: CLAIM_STATUS_LABELS[to], note, viewerNote, at: now.toISOString() }, now)
}

/**
 * Withdraws the named claims (or every one still undecided). 400 when a named claim is not in the
 * application; 409 when a named claim is already decided, or when none is left to withdraw.
 */
export async function withdrawClaims(db: Db, ownerId: string, applicationId: string, request: WithdrawRequest, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const claims = await lockOwnClaims(tx, ownerId, applicationId)
    const named = request?.claimIds
    const targets: LockedClaim[] = []
    if (named) {
      for (const [index, claimId] of named.entries()) {
        const claim = claims.find((item) => item.id === claimId)
        if (!claim) throw badRequest(undefined, { issues: [{ path: `claimIds.${index}`, message: '这个申请里没有这一项' }] })
        if (!canTransition(claim.status, 'withdrawn', claim.benefit)) {
          throw notWithdrawable(claim.status)
        }
        if (!targets.includes(claim)) targets.push(claim)
      }
    } else {
      targets.push(...claims.filter((claim) => canTransition(claim.status, 'withdrawn', claim.benefit)))
      if (targets.length === 0) throw nothingToWithdraw()
    }
    const reason = request?.reason
    for (const claim of targets) await moveClaim(tx, applicationId, claim, 'withdrawn', withdrawnNote(reason), reason ? { reason } : {}, now)
    return targets.map((claim) => claim.id)
  })
}

/**
 * Records what the owner supplied for a claim in needs_info and moves it back to verifying. Every upload
 * must be the owner's (400 with the path otherwise, never saying whose it is); 409 when the claim does
 * not need anything.
 */
export async function supplyClaim(db: Db, ownerId: string, applicationId: string, request: SupplementRequest, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const claims = await lockOwnClaims(tx, ownerId, applicationId)
    const claim = claims.find((item) => item.id === request.claimId)
    if (!claim) throw badRequest(undefined, { issues: [{ path: 'claimId', message: '这个申请里没有这一项' }] })
    if (claim.status !== 'needs_info' || !canTransition(claim.status, 'verifying', claim.benefit)) {
      throw noInfoRequested()
    }
    const documents = request.documents ?? []
    const uploadIds = [...new Set(documents.flatMap((document) => document.uploadIds))]
    const own = await tx.query<{ id: string }>('SELECT id FROM uploads WHERE owner_id = $1 AND id = ANY ($2::uuid[])', [ownerId, uploadIds])
    const owned = new Set(own.rows.map((row) => row.id))
    const issues = documents.flatMap((document, index) =>
      document.uploadIds.flatMap((uploadId, position) => (owned.has(uploadId) ? [] : [{ path: `documents.${index}.uploadIds.${position}`, message: '找不到这个文件，请重新上传' }])),
    )
    if (issues.length > 0) throw badRequest(undefined, { issues })

    for (const document of documents) {
      const last = await tx.query<{ n: number }>('SELECT coalesce(max(position) + 1, 0)::int AS n FROM application_documents WHERE application_id = $1 AND document_id = $2', [
        applicationId,
        document.documentId,
      ])
      let position = last.rows[0].n
      for (const uploadId of document.uploadIds) {
        await tx.query(
          `INSERT INTO application_documents (application_id, document_id, position, upload_id) VALUES ($1, $2, $3, $4)`,
          [applicationId, document.documentId, position, uploadId],
        )
        position += 1
      }
    }
    const note = supplementNote(documents.length > 0 ? uploadIds.length : 0, request.answers?.length ?? 0, request.note)
    await moveClaim(tx, applicationId, claim, 'verifying', note, { supplement: { answers: request.answers ?? [], documents } }, now)
  })
}
