// Applying one review-system event to a claim: checked against the status machine, written with its
// timeline entry in one transaction, kept with its answer so that a replay changes nothing.
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@/domain/application'
import { canTransition, formatFullDate, formatMonth, monthlyAmountFenOf, type CaseClaimList, type CaseEvent, type CaseEventResult } from '@/domain/claims'
import { DOCUMENTS, type DocumentId } from '@/domain/documents'
import { yuanFromFen } from '@/domain/policy/money'
import type { BenefitId } from '@/domain/policy/rules/types'
import { randomUUID } from 'node:crypto'
import type { Db, Queryable } from '../db'
import { isUniqueViolation } from '../db'
import { conflict, notFound, unprocessable } from '../errors'
import { queueStatusNotifications } from '../notifications/outbox'

export interface CaseEventOutcome {
  result: CaseEventResult
  replayed: boolean
}

const documentName = (id: DocumentId | undefined) => DOCUMENTS.find((document) => document.id === id)?.name ?? '材料'

/** The plain-language timeline note for an event: the review system's own note, or one written for the status. */
export function timelineNote(event: CaseEvent): string {
  const parts: string[] = []
  switch (event.status) {
    case 'accepted':
      parts.push('乡镇（街道）已受理申请。')
      break
    case 'verifying':
      parts.push('开始核对家庭经济状况，可能会入户调查。')
      break
    case 'needs_info': {
      const items = (event.requested?.items ?? []).map((item) =>
        item.kind === 'document' ? `${documentName(item.documentId)}${item.question ? `（${item.question}）` : ''}` : `回答：${item.question ?? ''}`,
      )
      const list = items.join('；')
      // A question already ends with its own mark.
      const stop = /[？！。?!]$/.test(list) ? '' : '。'
      parts.push(`需要补充：${list}${stop}请在 ${event.requested ? formatFullDate(event.requested.dueDate) : ''}前提交。`)
      break
    }
    case 'public_notice':
      parts.push('审核结果在村（居）委会公示。')
      break
    case 'approved':
      if (event.decision) parts.push(`已批准，每月 ${yuanFromFen(monthlyAmountFenOf(event.decision))} 元，自 ${formatMonth(event.decision.startMonth)}起发放。`)
      break
    case 'rejected':
      parts.push(`未获批准。原因：${event.reason ?? ''}`)
      break
    case 'paying':
      parts.push('补助已开始按月发放。')
      break
    case 'withdrawn':
      parts.push('申请已撤回。')
      break
    case 'referred':
      parts.push('已转给其他部门办理。')
      break
    case 'submitted':
      break
  }
  if (event.reason && event.status !== 'rejected') parts.push(`原因：${event.reason}`)
  if (event.note) parts.push(event.note)
  return parts.join(' ')
}

function detailsOf(event: CaseEvent): Record<string, unknown> | null {
  const details: Record<string, unknown> = {}
  if (event.reason) details.reason = event.reason
  if (event.requested) details.requested = event.requested
  if (event.decision) details.decision = { monthlyAmountFen: monthlyAmountFenOf(event.decision), startMonth: event.decision.startMonth }
  return Object.keys(details).length > 0 ? details : null
}

interface StoredEvent {
  body_hash: string
  response: CaseEventResult
}

async function storedEvent(db: Queryable, eventId: string): Promise<StoredEvent | undefined> {
  const found = await db.query<StoredEvent>('SELECT body_hash, response FROM case_events WHERE event_id = $1', [eventId])
  return found.rows[0]
}

function replayOf(stored: StoredEvent, bodyHash: string): CaseEventOutcome {
  if (stored.body_hash !== bodyHash) throw unprocessable('这个事件编号已用于另一条内容不同的事件。', { code: 'event_id_reused' })
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
      if (!claim) throw notFound('没有这个申请事项。')
      if (!canTransition(claim.status, event.status, claim.benefit)) {
        throw conflict(`不能从“${CLAIM_STATUS_LABELS[claim.status]}”变为“${CLAIM_STATUS_LABELS[event.status]}”。`, { code: 'invalid_transition' })
      }
      const at = event.at ? new Date(event.at) : now
      const note = timelineNote(event)
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
      await queueStatusNotifications(tx, event.claimId, { applicationId: claim.application_id, benefit: claim.benefit, status: event.status, statusLabel: result.statusLabel, note, at: result.at }, now)
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
