// Moving documents stored as files (DATA_DIR/uploads, where a server on the embedded database keeps them)
// into PostgreSQL, where every instance can read them: `npm run uploads:to-database` (uploadsCli.ts).
// Each file is streamed into the database, its SHA-256 checked against the upload's row, and only then
// (with `deleteFiles`) removed from disk. Safe to run again: what is in the database already is skipped.
import { createHash } from 'node:crypto'
import type { Db } from '../db'
import { databaseUploadStorage, fileUploadStorage, type UploadStorage } from './storage'

export interface MoveReport {
  /** Uploads recorded in the database. */
  total: number
  moved: number
  /** In the database already (an earlier run, or stored there to begin with). */
  alreadyThere: number
  /** Recorded, but neither in the database nor on disk: listed by upload id. */
  missing: string[]
  /** On disk, but the bytes differ from what was recorded: left on disk, not moved. */
  corrupt: string[]
  filesDeleted: number
}

export interface MoveOptions {
  /** Remove each file from disk once it is safely in the database. */
  deleteFiles?: boolean
  /** Rows read per batch. */
  batch?: number
}

/** The file's pieces, hashed on the way through. */
async function* hashing(source: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const piece of source) {
    hash.update(piece)
    yield piece
  }
}

export async function moveUploadsToDatabase(db: Db, uploadsRoot: string, options: MoveOptions = {}): Promise<MoveReport> {
  if (db.kind !== 'postgres') throw new Error('uploads are moved into PostgreSQL only (set DATABASE_URL)')
  const files: UploadStorage = fileUploadStorage(uploadsRoot)
  const database = databaseUploadStorage(db)
  const report: MoveReport = { total: 0, moved: 0, alreadyThere: 0, missing: [], corrupt: [], filesDeleted: 0 }
  const batch = options.batch ?? 200
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const rows = await db.query<{ id: string; storage_key: string; sha256: string }>(
      'SELECT id, storage_key, sha256 FROM uploads WHERE id > $1 ORDER BY id LIMIT $2',
      [after, batch],
    )
    if (rows.rows.length === 0) break
    after = rows.rows[rows.rows.length - 1].id
    for (const row of rows.rows) {
      report.total += 1
      if (await database.has(row.storage_key)) {
        report.alreadyThere += 1
      } else {
        const file = await files.read(row.storage_key)
        if (!file) {
          report.missing.push(row.id)
          continue
        }
        const hash = createHash('sha256')
        await database.put(row.storage_key, hashing(file, hash))
        if (hash.digest('hex') !== row.sha256) {
          await database.delete(row.storage_key)
          report.corrupt.push(row.id)
          continue
        }
        report.moved += 1
      }
      if (options.deleteFiles && (await files.has(row.storage_key))) {
        await files.delete(row.storage_key)
        report.filesDeleted += 1
      }
    }
  }
  return report
}
