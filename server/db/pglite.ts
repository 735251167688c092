// The embedded database: PostgreSQL compiled to WebAssembly, one process, data in a directory.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite'
import { typeParsers } from './type-parsers'
import { checkTopic, notifyChannel, type Db, type Queryable, type QueryResult } from './types'

export interface PgliteOptions {
  /** Directory for the data files; omit for an in-memory database (tests). */
  dataDir?: string
}

function toResult<Row>(result: Results<Row>): QueryResult<Row> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length }
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return toResult(await target.query<Row>(sql, [...params]))
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite is single-process: two servers on one directory would corrupt it. A lock file holding our
 * pid refuses the second one; a lock left by a process that has died is taken over.
 */
function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      return () => rmSync(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockFile, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new Error(`the embedded database in ${path.dirname(lockFile)} is in use by process ${holder}; stop it or choose another DATA_DIR`)
      }
      rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`could not lock the embedded database in ${path.dirname(lockFile)}`)
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  let releaseLock = () => {}
  let directory: string | undefined
  if (options.dataDir) {
    directory = path.join(options.dataDir, 'pglite')
    mkdirSync(directory, { recursive: true })
    releaseLock = acquireLock(path.join(options.dataDir, 'pglite.lock'))
  }
  let pg: PGlite
  try {
    pg = await PGlite.create(directory, { parsers: typeParsers })
  } catch (error) {
    releaseLock()
    throw error
  }
  const base = queryable(pg)
  let closed = false
  // One process holds the database, so a lock held anywhere is held here.
  const locks = new Set<string>()
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    async listen(topic, onChange) {
      const schema = (await pg.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0].schema
      const stop = await pg.listen(notifyChannel(checkTopic(topic)), (payload) => {
        if (payload === schema) onChange()
      })
      return async () => {
        if (!closed) await stop()
      }
    },
    async withLockIfFree(name, fn) {
      if (locks.has(name)) return { ran: false }
      locks.add(name)
      try {
        return { ran: true, value: await fn() }
      } finally {
        locks.delete(name)
      }
    },
    async close() {
      if (closed) return
      closed = true
      try {
        await pg.close()
      } finally {
        releaseLock()
      }
    },
  }
}
