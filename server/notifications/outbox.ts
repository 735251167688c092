// Subscribe-message notifications: queued in the outbox inside the transaction of each status change,
// delivered afterwards by a sender behind an interface, retried with back-off, never blocking the change.
import { randomUUID } from 'node:crypto'
import type { ClaimStatus } from '@/domain/application'
import { notifySql, type Queryable } from '../db'

/** The Db.listen topic told about newly queued messages. */
export const OUTBOX_TOPIC = 'outbox'

/**
 * How long a claimed message is left to its claimer: other instances skip it meanwhile. Longer than
 * sending a whole batch can take (WeChat times out after 5 s); a claimer that dies leaves the message
 * to be sent by another once this has passed.
 */
export const CLAIM_MS = 5 * 60_000

interface MessageBase {
  id: string
  userId: string
  templateId: string
  attempts: number
}

/** One message to one person: a claim's new status. */
export interface StatusMessage extends MessageBase {
  kind: 'status'
  claimId: string
  payload: { applicationId: string; reference: string; benefit: string; status: ClaimStatus; statusLabel: string; note: string; at: string }
}

/** One message to one person: a benefit they may now qualify for (主动提醒, server/households). */
export interface AlertMessage extends MessageBase {
  kind: 'alert'
  alertId: string
  payload: { benefit: string; name: string; reason: string; foundOn: string }
}

export type OutboxMessage = StatusMessage | AlertMessage

/** Delivers one message (production: WeChat's subscribe-message API; development: a log line). Throws on failure. */
export interface NotificationSender {
  send(message: OutboxMessage): Promise<void>
}

/** Development: logs the message (ids and status only) and counts it as sent. */
export function loggingSender(log: { info(obj: object, msg: string): void }): NotificationSender {
  return {
    async send(message) {
      const about = message.kind === 'status' ? { claimId: message.claimId, reference: message.payload.reference, status: message.payload.status } : { alertId: message.alertId, benefit: message.payload.benefit }
      log.info({ notificationId: message.id, templateId: message.templateId, ...about }, 'notification sent (development sender)')
    },
  }
}

/** Records the templates `userId` accepted; answers every template they have accepted. */
export async function recordSubscriptions(db: Queryable, userId: string, templateIds: readonly string[], now: Date): Promise<string[]> {
  for (const templateId of new Set(templateIds)) {
    await db.query(
      `INSERT INTO notification_subscriptions (user_id, template_id, accepted_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, template_id) DO UPDATE SET accepted_at = EXCLUDED.accepted_at`,
      [userId, templateId, now],
    )
  }
  const all = await db.query<{ template_id: string }>('SELECT template_id FROM notification_subscriptions WHERE user_id = $1 ORDER BY template_id', [userId])
  return all.rows.map((row) => row.template_id)
}

/** A claim's new status: the applicant's note, and the general words for family following it. */
export type StatusChange = Omit<StatusMessage['payload'], 'reference'> & { viewerNote: string }

/**
 * Queues a message about a claim's new status for the application's owner and the family following it
 * (not those revoked), once per template each accepted, with the application's reference. Family get the
 * general note. Call inside the transaction that changes the status.
 */
export async function queueStatusNotifications(tx: Queryable, claimId: string, change: StatusChange, now: Date): Promise<number> {
  const { viewerNote, ...payload } = change
  const recipients = await tx.query<{ user_id: string; template_id: string; reference: string; owner: boolean }>(
    `SELECT s.user_id, s.template_id, a.reference, s.user_id = a.owner_id AS owner
     FROM claims c
     JOIN applications a ON a.id = c.application_id
     JOIN notification_subscriptions s ON s.user_id = a.owner_id
       OR s.user_id IN (SELECT v.user_id FROM application_viewers v WHERE v.application_id = a.id AND v.revoked_at IS NULL)
     WHERE c.id = $1 ORDER BY s.user_id = a.owner_id DESC, s.user_id, s.template_id`,
    [claimId],
  )
  for (const recipient of recipients.rows) {
    await tx.query(
      `INSERT INTO notification_outbox (id, user_id, template_id, claim_id, payload, state, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)`,
      [randomUUID(), recipient.user_id, recipient.template_id, claimId, JSON.stringify({ ...payload, note: recipient.owner ? payload.note : viewerNote, reference: recipient.reference }), now],
    )
  }
  // Every instance hears of it when the change commits, and they race to deliver (see deliverDueNotifications).
  if (recipients.rows.length > 0) await tx.query(notifySql(OUTBOX_TOPIC))
  return recipients.rows.length
}

/**
 * Queues a message about a new alert for its person, once per template they accepted. Call inside the
 * transaction that records the alert.
 */
export async function queueAlertNotifications(tx: Queryable, userId: string, alertId: string, payload: AlertMessage['payload'], now: Date): Promise<number> {
  const templates = await tx.query<{ template_id: string }>('SELECT template_id FROM notification_subscriptions WHERE user_id = $1 ORDER BY template_id', [userId])
  for (const { template_id } of templates.rows) {
    await tx.query(
      `INSERT INTO notification_outbox (id, user_id, template_id, alert_id, payload, state, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)`,
      [randomUUID(), userId, template_id, alertId, JSON.stringify(payload), now],
    )
  }
  if (templates.rows.length > 0) await tx.query(notifySql(OUTBOX_TOPIC))
  return templates.rows.length
}


export const MAX_ATTEMPTS = 5

/** The wait before attempt `attempts + 1`: 1, 2, 4, 8 … minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1)
}

interface ClaimedRow {
  id: string
  user_id: string
  template_id: string
  claim_id: string | null
  alert_id: string | null
  payload: OutboxMessage['payload']
  attempts: number
  due_at: Date
}

/**
 * Takes up to `limit` due messages for this instance: in one statement, rows another instance is taking at
 * the same moment are skipped (`FOR UPDATE SKIP LOCKED`) and those taken get a `next_attempt_at` CLAIM_MS
 * ahead, so no other instance finds them due while they are being sent.
 */
async function claimDue(db: Queryable, now: Date, limit: number): Promise<ClaimedRow[]> {
  const claimed = await db.query<ClaimedRow>(
    `UPDATE notification_outbox o SET next_attempt_at = $2
     FROM (SELECT id, next_attempt_at FROM notification_outbox
           WHERE state = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
     RETURNING o.id, o.user_id, o.template_id, o.claim_id, o.alert_id, o.payload, o.attempts, due.next_attempt_at AS due_at`,
    [now, new Date(now.getTime() + CLAIM_MS), limit],
  )
  return claimed.rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.id.localeCompare(b.id))
}

/**
 * Sends the pending messages that are due, each by one instance however many run at once (see claimDue).
 * A failure is recorded and retried later (after MAX_ATTEMPTS it is marked failed); it never touches the
 * claim. Answers how many were sent and how many failed.
 */
export async function deliverDueNotifications(db: Queryable, sender: NotificationSender, now: Date, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  for (const row of await claimDue(db, now, limit)) {
    const base = { id: row.id, userId: row.user_id, templateId: row.template_id, attempts: row.attempts }
    const message: OutboxMessage = row.alert_id
      ? { ...base, kind: 'alert', alertId: row.alert_id, payload: row.payload as AlertMessage['payload'] }
      : { ...base, kind: 'status', claimId: row.claim_id ?? '', payload: row.payload as StatusMessage['payload'] }
    try {
      await sender.send(message)
      await db.query(`UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1`, [row.id, now])
      sent += 1
    } catch (error) {
      const attempts = row.attempts + 1
      const state = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
      await db.query('UPDATE notification_outbox SET state = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1', [
        row.id,
        state,
        attempts,
        new Date(now.getTime() + retryDelayMs(attempts)),
        (error as Error).message.slice(0, 500),
      ])
      failed += 1
    }
  }
  return { sent, failed }
}
