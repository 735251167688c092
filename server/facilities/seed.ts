// The deterministic sample set (about 14,000 facilities at Shanxi's real scale, every one marked
// `sample: true`), written on a server's first start so the care finder works out of the box.
import { performance } from 'node:perf_hooks'
import { generateShanxiSample } from './sample'
import type { Db } from '../db'
import { countFacilities, upsertFacilities } from './repository'

export interface SeedResult {
  /** Facilities written; 0 when the table already had facilities (real or sample). */
  seeded: number
  generateMs: number
  writeMs: number
}

/**
 * Seeds the sample set when the facilities table is empty, in one transaction (batches of 2,000
 * rows, each batch one INSERT of a jsonb array). A table with any facility, imported or sample, is
 * left alone, so an operator who imported a real list never gets the sample back. On PostgreSQL
 * two servers starting together take an advisory lock, so only one seeds.
 */
export async function seedSampleFacilitiesIfEmpty(db: Db, now: Date = new Date()): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jinxin-helper:facilities-seed:' || current_schema()))`)
    }
    if ((await countFacilities(tx)) > 0) return { seeded: 0, generateMs: 0, writeMs: 0 }
    const started = performance.now()
    const sample = generateShanxiSample()
    const generated = performance.now()
    const written = await upsertFacilities(tx, sample, now)
    return { seeded: written.inserted.length, generateMs: generated - started, writeMs: performance.now() - generated }
  })
}
