// Applying one review-system event to a claim: checked against the status machine, written with its
// timeline entry in one transaction, kept with its answer so that a replay changes nothing.
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import { canTransition, decisionOf, paymentOf, timelineNote, generalNote, type CaseClaimList, type ClaimEventDetails, type CaseEvent, type CaseEventResult } from '@/domain/claims'
import type { BenefitId } from '@/domain/policy/rules/types'
import { randomUUID } from 'node:crypto'
import type { Db, Queryable } from '../db'
import { isUniqueViolation } from '../db'
import { conflict, notFound, unprocessable, type HttpError } from '../errors'
import { queueStatusNotifications } from '../notifications/outbox'

export interface CaseEventOutcome {
  result: CaseEventResult
  replayed: boolean
}

function detailsOf(event: CaseEvent): ClaimEventDetails | null {
  const details: ClaimEventDetails = {}
  if (event.reason) details.reason = event.reason
  if (event.requested) details.requested = event.requested
  if (event.decision) details.decision = decisionOf(event.decision)
  return Object.keys(details).length > 0 ? details : null
}

/** 404: no claim has this id. */
export const unknownClaim = (): HttpError => notFound('没有这个申请事项。')

/** 409: the status machine does not allow this step; nothing changes. */
export const invalidTransition = (from: ClaimStatus, to: ClaimStatus): HttpError =>
  conflict(`不能从“${CLAIM_STATUS_LABELS[from]}”变为“${CLAIM_STATUS_LABELS[to]}”。`, { code: 'invalid_transition' })

/** 422: an event id already used for an event with other content. */
export const eventIdReused = (): HttpError => unprocessable('这个事件编号已用于另一条内容不同的事件。', { code: 'event_id_reused' })

/** 422: a decision of the other kind than the benefit is paid (monthly or once). */
export const wrongPaymentKind = (benefit: BenefitId): HttpError =>
  unprocessable(
    paymentOf(benefit) === 'one_off' ? '这项补助是一次性发放的，决定应为一次性金额（payment: one_off）。' : '这项补助是按月发放的，决定应为每月金额和起始月份（payment: monthly）。',
    { code: 'wrong_payment_kind' },
  )

interface StoredEvent {
  body_hash: string
  response: CaseEventResult
}

async function storedEvent(db: Queryable, eventId: string): Promise<StoredEvent | undefined> {
  const found = await db.query<StoredEvent>('SELECT body_hash, response FROM case_events WHERE event_id = $1', [eventId])
  return found.rows[0]
}

function replayOf(stored: StoredEvent, bodyHash: string): CaseEventOutcome {
  if (stored.body_hash !== bodyHash) throw eventIdReused()
  return { result: stored.response, replayed: true }
}

/**
 * Applies `event` (whose signed bytes hash to `bodyHash`): a replay of an event already applied is
 * answered with the first answer; an unknown claim is 404; a transition the status machine refuses is
 * 409 and nothing changes.
 */
export async function applyCaseEvent(db: Db, event: CaseEvent, bodyHash: string, now: Date): Promise<CaseEventOutcome> {
  const earlier = await storedEvent(db, event.eventId)
  if (earlier) return replayOf(earlier, bodyHash)
  try {
    return await db.transaction(async (tx) => {
      // Lock the claim first, then look for the event again: a concurrent delivery of the same event
      // waits here for the first to commit, then finds its answer instead of judging the new status.
      const found = await tx.query<{ application_id: string; benefit: BenefitId; status: ClaimStatus; last_seq: number }>(
        `SELECT c.application_id, c.benefit, c.status, (SELECT coalesce(max(e.seq), 0)::int FROM claim_events e WHERE e.claim_id = c.id) AS last_seq
         FROM claims c WHERE c.id = $1 FOR UPDATE`,
        [event.claimId],
      )
      const again = await storedEvent(tx, event.eventId)
      if (again) return replayOf(again, bodyHash)
      const claim = found.rows[0]
      if (!claim) throw unknownClaim()
      if (!canTransition(claim.status, event.status, claim.benefit)) throw invalidTransition(claim.status, event.status)
      if (event.decision && event.decision.payment !== paymentOf(claim.benefit)) throw wrongPaymentKind(claim.benefit)
      const at = event.at ? new Date(event.at) : now
      const note = timelineNote(event, claim.benefit)
      const result: CaseEventResult = {
        eventId: event.eventId,
        claimId: event.claimId,
        applicationId: claim.application_id,
        previousStatus: claim.status,
        status: event.status,
        statusLabel: CLAIM_STATUS_LABELS[event.status],
        note,
        at: at.toISOString(),
      }
      const details = detailsOf(event)
      await tx.query(
        `INSERT INTO claim_events (id, claim_id, seq, status, note, actor, source_event_id, at, details)
         VALUES ($1, $2, $3, $4, $5, 'review_system', $6, $7, $8)`,
        [randomUUID(), event.claimId, claim.last_seq + 1, event.status, note, event.eventId, at, details === null ? null : JSON.stringify(details)],
      )
      await tx.query('UPDATE claims SET status = $2, updated_at = $3, office = coalesce($4, office) WHERE id = $1', [
        event.claimId,
        event.status,
        now,
        event.office ? JSON.stringify(event.office) : null,
      ])
      await tx.query('INSERT INTO case_events (event_id, claim_id, body_hash, response, received_at) VALUES ($1, $2, $3, $4, $5)', [
        event.eventId,
        event.claimId,
        bodyHash,
        JSON.stringify(result),
        now,
      ])
      await queueStatusNotifications(
        tx,
        event.claimId,
        { applicationId: claim.application_id, benefit: claim.benefit, status: event.status, statusLabel: result.statusLabel, note, viewerNote: generalNote(event.status, claim.benefit, details), at: result.at },
        now,
      )
      return { result, replayed: false }
    })
  } catch (error) {
    // The same event delivered twice at once: the one that lost finds the winner's answer.
    if (isUniqueViolation(error)) {
      const winner = await storedEvent(db, event.eventId)
      if (winner) return replayOf(winner, bodyHash)
    }
    throw error
  }
}

/** Every claim, newest first, without personal data: for the development review system's `list`. */
export async function listCaseClaims(db: Queryable): Promise<CaseClaimList['claims']> {
  const found = await db.query<{ id: string; application_id: string; benefit: string; status: ClaimStatus; updated_at: Date }>(
    'SELECT id, application_id, benefit, status, updated_at FROM claims ORDER BY updated_at DESC, id LIMIT 500',
  )
  return found.rows.map((row) => ({
    claimId: row.id,
    applicationId: row.application_id,
    benefit: row.benefit,
    status: row.status,
    statusLabel: CLAIM_STATUS_LABELS[row.status],
    updatedAt: row.updated_at.toISOString(),
  }))
}
