// The application draft a person is filling in: one per person, last write wins by updated_at.
// The payload is the app's form state (ID numbers and all), stored sealed as a whole.
import type { Draft, DraftPayload } from '@/domain/application'
import type { FieldCrypto } from '../crypto'
import type { Queryable } from '../db'

const PAYLOAD_CONTEXT = 'drafts.payload'

interface DraftRow {
  payload_sealed: string
  updated_at: Date
}

function toDraft(crypto: FieldCrypto, row: DraftRow): Draft {
  return { payload: JSON.parse(crypto.decrypt(row.payload_sealed, PAYLOAD_CONTEXT)) as DraftPayload, updatedAt: row.updated_at.toISOString() }
}

export async function findDraft(db: Queryable, crypto: FieldCrypto, userId: string): Promise<Draft | undefined> {
  const result = await db.query<DraftRow>('SELECT payload_sealed, updated_at FROM drafts WHERE user_id = $1', [userId])
  return result.rows[0] ? toDraft(crypto, result.rows[0]) : undefined
}

export type SaveDraftResult = { saved: true; draft: Draft } | { saved: false; current: Draft | undefined }

/**
 * Saves `payload` if the server's draft is still the one the writer started from (`basedOn`, its
 * updatedAt; null for a first draft), in one statement, so two writers cannot both win. The new
 * updatedAt is `now`, or 1 ms after the previous one if the clock has not moved past it, so every
 * saved version has its own updatedAt. A draft that has gone meanwhile does not make a write stale.
 */
export async function saveDraft(
  db: Queryable,
  crypto: FieldCrypto,
  userId: string,
  payload: DraftPayload,
  basedOn: string | null,
  now: Date,
): Promise<SaveDraftResult> {
  const sealed = crypto.encrypt(JSON.stringify(payload), PAYLOAD_CONTEXT)
  const saved = (row: DraftRow): SaveDraftResult => ({ saved: true, draft: { payload, updatedAt: row.updated_at.toISOString() } })
  if (basedOn !== null) {
    const updated = await db.query<DraftRow>(
      `UPDATE drafts SET payload_sealed = $2, updated_at = GREATEST($3::timestamptz, updated_at + interval '1 millisecond')
       WHERE user_id = $1 AND updated_at = $4::timestamptz
       RETURNING payload_sealed, updated_at`,
      [userId, sealed, now, basedOn],
    )
    if (updated.rows[0]) return saved(updated.rows[0])
  }
  const inserted = await db.query<DraftRow>(
    `INSERT INTO drafts (user_id, payload_sealed, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO NOTHING
     RETURNING payload_sealed, updated_at`,
    [userId, sealed, now],
  )
  if (inserted.rows[0]) return saved(inserted.rows[0])
  return { saved: false, current: await findDraft(db, crypto, userId) }
}
