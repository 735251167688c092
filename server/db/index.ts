// Opens the database the environment asks for: PostgreSQL when DATABASE_URL is set, else embedded PGlite.
import type { Env } from '../env'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Db, DbLogger } from './types'

export type { Db, DbKind, DbLogger, Queryable, QueryResult } from './types'
export { notifySql } from './types'
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration, type MigrateResult } from './migrate'
export { openPglite, type PgliteOptions } from './pglite'
export { openPostgres, type PostgresOptions } from './postgres'
export { sqlState, isUniqueViolation, isForeignKeyViolation, violatedConstraint } from './errors'

export function openDb(env: Pick<Env, 'databaseUrl' | 'dataDir'>, logger?: DbLogger): Promise<Db> {
  return env.databaseUrl ? openPostgres({ url: env.databaseUrl, logger }) : openPglite({ dataDir: env.dataDir })
}

/** Where the data lives, for the start-up line; the URL's password is never shown. */
export function describeDb(env: Pick<Env, 'databaseUrl' | 'dataDir'>): string {
  if (!env.databaseUrl) return `PGlite (embedded) in ${env.dataDir}`
  const url = new URL(env.databaseUrl)
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
}
