// PostgreSQL through a `pg` connection pool, used when DATABASE_URL is set.
import pg from 'pg'
import { postgresListener } from './postgres-listener'
import { typeParsers } from './type-parsers'
import type { Db, DbLogger, Queryable, QueryResult } from './types'

export interface PostgresOptions {
  url: string
  /**
   * Work inside this schema (created when missing) instead of `public`: every connection's
   * `search_path` is set to it. Tests use a fresh schema per file so runs do not collide.
   */
  schema?: string
  /** Connections in the pool (default 10). */
  max?: number
  logger?: DbLogger
}

const customTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const parser = typeParsers[oid]
    if (parser && format !== 'binary') return parser
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text')
  }) as pg.CustomTypesConfig['getTypeParser'],
}

function toResult<Row>(result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length }
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return toResult<Row>(await target.query(sql, [...params]))
    },
    async exec(sql: string) {
      // Without parameters `pg` uses the simple query protocol, which accepts several statements.
      await target.query(sql)
    },
  }
}

export function isSafeIdentifier(name: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(name)
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const { schema } = options
  if (schema !== undefined && !isSafeIdentifier(schema)) throw new Error(`not a plain schema name: ${schema}`)
  if (schema) {
    const setup = new pg.Client({ connectionString: options.url })
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await setup.end()
    }
  }
  const connection = { connectionString: options.url, types: customTypes, ...(schema ? { options: `-c search_path=${schema}` } : {}) }
  const pool = new pg.Pool({ ...connection, max: options.max ?? 10 })
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'PostgreSQL connection lost; the pool will reconnect'))
  // Fail at start, not at the first request, when the database cannot be reached.
  await pool.query('SELECT 1')

  const base = queryable(pool)
  const listener = postgresListener(connection, options.logger)
  let closed = false
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await fn(queryable(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          broken = rollbackError as Error
        }
        throw error
      } finally {
        // A connection that could not roll back is discarded rather than reused mid-transaction.
        client.release(broken)
      }
    },
    listen: (topic, onChange) => listener.listen(topic, onChange),
    async withLockIfFree(name, fn) {
      // A session lock, held on one pooled connection while `fn` runs (on others); keyed by schema too,
      // since advisory locks are database-wide and tests run side by side in their own schemas.
      const client = await pool.connect()
      const key = `hashtext('jinxin-helper:lock:' || current_schema() || ':' || $1)`
      let broken: Error | undefined
      try {
        const got = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS locked`, [name])
        if (!got.rows[0].locked) return { ran: false }
        try {
          return { ran: true, value: await fn() }
        } finally {
          await client.query(`SELECT pg_advisory_unlock(${key})`, [name]).catch((error: Error) => {
            // Discarding the connection releases its locks.
            broken = error
          })
        }
      } finally {
        client.release(broken)
      }
    },
    async close() {
      if (closed) return
      closed = true
      await listener.close()
      await pool.end()
    },
  }
}
