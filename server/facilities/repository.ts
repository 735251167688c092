// The facilities table (db/migrations/010_facilities.sql): upsert by external id, load everything,
// and the signature a running server compares to notice writes made by another process.
import type { Facility } from '@/domain/care'
import type { Queryable } from '../db'

/** Rows per INSERT statement: the batch travels as one jsonb parameter, so only its size matters. */
export const UPSERT_BATCH_SIZE = 2_000

export interface UpsertResult {
  /** External ids written for the first time. */
  inserted: string[]
  /** External ids that existed and whose information changed. */
  updated: string[]
  /** External ids that existed with the same information (nothing written; see `upsertFacilities`). */
  unchanged: string[]
}

/**
 * Inserts or updates facilities by `externalId`. Call it inside `db.transaction` so an import is
 * all or nothing. A row whose fields, apart from `updatedAt`, equal the stored ones is left as it
 * is (its stored `updatedAt` too): re-importing an unchanged list, whose rows get the import time
 * as `updatedAt` when the file gives none, writes nothing and so does not rebuild the index.
 */
export async function upsertFacilities(tx: Queryable, facilities: readonly Facility[], writtenAt: Date): Promise<UpsertResult> {
  const seen = new Set<string>()
  for (const f of facilities) {
    if (seen.has(f.externalId)) throw new Error(`upsertFacilities: external id ${f.externalId} appears twice in one call`)
    seen.add(f.externalId)
  }
  const result: UpsertResult = { inserted: [], updated: [], unchanged: [] }
  for (let start = 0; start < facilities.length; start += UPSERT_BATCH_SIZE) {
    const batch = facilities.slice(start, start + UPSERT_BATCH_SIZE)
    const ids = batch.map((f) => f.externalId)
    const existing = await tx.query<{ external_id: string }>('SELECT external_id FROM facilities WHERE external_id = ANY($1::text[])', [ids])
    const existed = new Set(existing.rows.map((row) => row.external_id))
    // The columns are taken from the jsonb itself, so they can never disagree with `data`.
    const written = await tx.query<{ external_id: string }>(
      `INSERT INTO facilities (id, external_id, type, city_code, county_code, lat, lng, sample, updated_at, written_at, data)
       SELECT (f->>'id')::uuid, f->>'externalId', f->>'type', f->>'cityCode', f->>'countyCode',
              (f->>'lat')::double precision, (f->>'lng')::double precision, (f->>'sample')::boolean,
              (f->>'updatedAt')::timestamptz, $2::timestamptz, f
         FROM jsonb_array_elements($1::jsonb) AS f
       ON CONFLICT (external_id) DO UPDATE SET
         type = EXCLUDED.type, city_code = EXCLUDED.city_code, county_code = EXCLUDED.county_code,
         lat = EXCLUDED.lat, lng = EXCLUDED.lng, sample = EXCLUDED.sample, updated_at = EXCLUDED.updated_at,
         written_at = EXCLUDED.written_at, data = EXCLUDED.data
       WHERE (facilities.data - 'updatedAt') IS DISTINCT FROM (EXCLUDED.data - 'updatedAt')
       RETURNING external_id`,
      [JSON.stringify(batch), writtenAt.toISOString()],
    )
    const changed = new Set(written.rows.map((row) => row.external_id))
    for (const id of ids) {
      if (!existed.has(id)) result.inserted.push(id)
      else if (changed.has(id)) result.updated.push(id)
      else result.unchanged.push(id)
    }
  }
  return result
}

/** Removes every sample facility (before importing a real list); returns how many. */
export async function deleteSampleFacilities(tx: Queryable): Promise<number> {
  const result = await tx.query('DELETE FROM facilities WHERE sample')
  return result.rowCount
}

export async function countFacilities(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM facilities')
  return result.rows[0]?.count ?? 0
}

/**
 * The table's revision: it grows with every insert, update and delete (db/migrations/010_facilities.sql:
 * rows take a fresh `revision` when written; deletions record one in `facility_deletions`). Two
 * index reads, however large the table: cheap enough to run every few seconds.
 */
export interface FacilitiesSignature {
  revision: number
}

export async function facilitiesSignature(db: Queryable): Promise<FacilitiesSignature> {
  const result = await db.query<{ revision: number }>(
    `SELECT greatest(coalesce((SELECT max(revision) FROM facilities), 0), (SELECT revision FROM facility_deletions)) AS revision`,
  )
  return { revision: Number(result.rows[0]?.revision ?? 0) }
}

export function sameSignature(a: FacilitiesSignature, b: FacilitiesSignature): boolean {
  return a.revision === b.revision
}

export interface LoadedFacilities {
  facilities: Facility[]
  signature: FacilitiesSignature
}

/**
 * Every facility, with the signature of the same snapshot. Rows are not parsed with the Facility
 * schema again: the table is written only by `upsertFacilities`, whose callers pass parsed
 * facilities (the sample generator's output, which its tests hold valid, and the importer's
 * accepted rows), and parsing 14,000 facilities would add about a second to every start.
 * A change to the Facility shape comes with a migration of the stored `data`.
 */
export async function loadAllFacilities(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }): Promise<LoadedFacilities> {
  return db.transaction(async (tx) => {
    // One snapshot for both statements (PostgreSQL's default would take one per statement).
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const signature = await facilitiesSignature(tx)
    const rows = await tx.query<{ data: Facility }>('SELECT data FROM facilities')
    return { facilities: rows.rows.map((row) => row.data), signature }
  })
}
