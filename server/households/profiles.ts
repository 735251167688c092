// 主动提醒: the household a person saved from the screener, sealed at rest, and the alerts the daily re-check
// finds for it. Deleting the household deletes its alerts and their queued messages with it (foreign keys).
import { randomUUID } from 'node:crypto'
import { checkRecordOf, householdOn, newlyPossible, screen, type Alert, type CheckRecord, type SavedHousehold, type SavedHouseholdResponse } from '@/domain/screening'
import type { RegionOverrides } from '@/domain/policy/parameters/overrides'
import type { FieldCrypto } from '../crypto'
import type { Queryable } from '../db'
import { queueAlertNotifications } from '../notifications/outbox'

const HOUSEHOLD = 'screening_profiles.household'
const LAST_CHECK = 'screening_profiles.last_check'
const REASONS = 'screening_alerts.reasons'

interface ProfileRow {
  user_id: string
  household_sealed: string
  notify: boolean
  consent_version: string
  updated_at: Date
  last_check_sealed: string
}

function checkOn(saved: Pick<SavedHousehold, 'household' | 'birthMonths'>, date: string): CheckRecord {
  return checkRecordOf(screen(householdOn(saved, date), date))
}

function open(crypto: FieldCrypto, row: ProfileRow): SavedHouseholdResponse {
  const { household, birthMonths } = JSON.parse(crypto.decrypt(row.household_sealed, HOUSEHOLD)) as Pick<SavedHousehold, 'household' | 'birthMonths'>
  return { household, birthMonths, notify: row.notify, consent: { version: row.consent_version as SavedHousehold['consent']['version'] }, updatedAt: row.updated_at.toISOString() }
}

/**
 * Saves (or replaces) the person's household. What it may have today becomes the starting point of the daily
 * re-check: a change the person made themselves, and saw in the results, is never an alert.
 */
export async function saveProfile(db: Queryable, crypto: FieldCrypto, userId: string, saved: SavedHousehold, today: string, now: Date): Promise<SavedHouseholdResponse> {
  const sealed = crypto.encrypt(JSON.stringify({ household: saved.household, birthMonths: saved.birthMonths }), HOUSEHOLD)
  const tiers = crypto.encrypt(JSON.stringify(checkOn(saved, today)), LAST_CHECK)
  const result = await db.query<ProfileRow>(
    `INSERT INTO screening_profiles (user_id, household_sealed, notify, consent_version, updated_at, last_check_sealed, last_checked_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (user_id) DO UPDATE SET household_sealed = EXCLUDED.household_sealed, notify = EXCLUDED.notify,
       consent_version = EXCLUDED.consent_version, updated_at = EXCLUDED.updated_at,
       last_check_sealed = EXCLUDED.last_check_sealed, last_checked_on = EXCLUDED.last_checked_on
     RETURNING user_id, household_sealed, notify, consent_version, updated_at, last_check_sealed`,
    [userId, sealed, saved.notify, saved.consent.version, now, tiers, today],
  )
  return open(crypto, result.rows[0])
}

export async function findProfile(db: Queryable, crypto: FieldCrypto, userId: string): Promise<SavedHouseholdResponse | undefined> {
  const result = await db.query<ProfileRow>(
    'SELECT user_id, household_sealed, notify, consent_version, updated_at, last_check_sealed FROM screening_profiles WHERE user_id = $1',
    [userId],
  )
  return result.rows[0] ? open(crypto, result.rows[0]) : undefined
}

/** Deletes the household, its alerts and their queued messages, at once. Answers whether there was one. */
export async function deleteProfile(db: Queryable, userId: string): Promise<boolean> {
  return (await db.query('DELETE FROM screening_profiles WHERE user_id = $1', [userId])).rowCount > 0
}

export async function listAlerts(db: Queryable, crypto: FieldCrypto, userId: string): Promise<Alert[]> {
  const result = await db.query<{ id: string; benefit: string; tier: 'likely' | 'maybe'; reasons_sealed: string; found_on: string }>(
    'SELECT id, benefit, tier, reasons_sealed, found_on FROM screening_alerts WHERE user_id = $1 ORDER BY found_on DESC, benefit',
    [userId],
  )
  return result.rows.map((row) => {
    const { name, reasons } = JSON.parse(crypto.decrypt(row.reasons_sealed, REASONS)) as { name: string; reasons: string[] }
    return { id: row.id, benefit: row.benefit, name, tier: row.tier, reasons, foundOn: row.found_on }
  })
}

export interface RecheckOutcome {
  checked: number
  alerts: number
}

/**
 * The daily re-check (主动提醒) for `date`, a Shanxi date: every household that asked to be told and was not yet
 * checked that day is screened with its members' ages on that day and the parameters in force on it. A benefit
 * that was unlikely at the last check and is likely or maybe now gives one alert and one message per accepted
 * template, in the transaction that records the new tiers, so a check is never half made and never made twice.
 * Households are taken `batch` at a time, so memory stays flat however many there are.
 */
export async function recheckHouseholds(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable,
  crypto: FieldCrypto,
  date: string,
  now: Date,
  options: { overrides?: RegionOverrides; batch?: number } = {},
): Promise<RecheckOutcome> {
  const batch = options.batch ?? 200
  const outcome: RecheckOutcome = { checked: 0, alerts: 0 }
  for (;;) {
    const due = await db.query<ProfileRow>(
      `SELECT user_id, household_sealed, notify, consent_version, updated_at, last_check_sealed FROM screening_profiles
       WHERE notify AND last_checked_on < $1 ORDER BY user_id LIMIT $2`,
      [date, batch],
    )
    if (due.rows.length === 0) return outcome
    for (const row of due.rows) {
      const saved = open(crypto, row)
      const last = JSON.parse(crypto.decrypt(row.last_check_sealed, LAST_CHECK)) as CheckRecord
      const results = screen(householdOn(saved, date), date, options.overrides)
      const possible = newlyPossible(last, results)
      await db.transaction(async (tx) => {
        // Checked by another instance meanwhile: leave it.
        const claimed = await tx.query(
          'UPDATE screening_profiles SET last_check_sealed = $2, last_checked_on = $3 WHERE user_id = $1 AND last_checked_on < $3',
          [row.user_id, crypto.encrypt(JSON.stringify(checkRecordOf(results)), LAST_CHECK), date],
        )
        if (claimed.rowCount === 0) return
        for (const { benefit, name, tier, reasons } of possible) {
          const id = randomUUID()
          const inserted = await tx.query(
            `INSERT INTO screening_alerts (id, user_id, benefit, tier, reasons_sealed, found_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, benefit, found_on) DO NOTHING`,
            [id, row.user_id, benefit, tier, crypto.encrypt(JSON.stringify({ name, reasons }), REASONS), date, now],
          )
          if (inserted.rowCount === 0) continue
          outcome.alerts += 1
          await queueAlertNotifications(tx, row.user_id, id, { benefit, name, reason: reasons[0] ?? name, foundOn: date }, now)
        }
      })
      outcome.checked += 1
    }
  }
}
