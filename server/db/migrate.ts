// A small migration runner: plain .sql files applied in name order, each once, each in a transaction,
// recorded in schema_migrations. The same files run on PGlite and PostgreSQL.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Db, DbLogger, Queryable } from './types'

/** Where the migrations live: `001_core.sql`, then features add `010_drafts.sql`, `020_…` and so on. */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations')

export interface Migration {
  name: string
  sql: string
  checksum: string
}

export interface MigrateOptions {
  dir?: string
  logger?: DbLogger
}

export interface MigrateResult {
  /** Names applied by this run, in order; empty when the database was up to date. */
  applied: string[]
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql'))
  const misnamed = files.filter((file) => !/^\d{3}_[a-z0-9_]+\.sql$/.test(file))
  // A misnamed file would be skipped silently; refuse instead.
  if (misnamed.length > 0) throw new Error(`migration files must be named like 010_drafts.sql: ${misnamed.join(', ')}`)
  return files
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8')
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`

/**
 * On PostgreSQL two servers starting together would both try to migrate. Each migration's transaction
 * first takes a transaction-scoped advisory lock (keyed by the current schema), so the second waits,
 * then sees the migration recorded and skips it. PGlite is single-process and needs no lock.
 */
async function lock(db: Db, tx: Queryable): Promise<void> {
  if (db.kind === 'postgres') {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jinxin-helper:migrate:' || current_schema()))`)
  }
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir)
  const applied: string[] = []
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await lock(db, tx)
      await tx.exec(CREATE_TABLE)
      const existing = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE name = $1', [migration.name])
      if (existing.rows.length > 0) {
        if (existing.rows[0].checksum !== migration.checksum) {
          // Editing an applied migration does nothing to databases that already ran it: add a new one instead.
          options.logger?.warn({ migration: migration.name }, 'an applied migration file has changed since it ran; add a new migration instead of editing it')
        }
        return false
      }
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum])
      return true
    })
    if (ran) {
      applied.push(migration.name)
      options.logger?.info({ migration: migration.name }, 'migration applied')
    }
  }
  return { applied }
}
