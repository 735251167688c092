// Where uploaded files' bytes live, behind one small interface:
// - with PostgreSQL (DATABASE_URL), in the database's `upload_chunks` table, so every instance behind the
//   load balancer reads what any of them stored; written in one transaction, read back chunk by chunk;
// - with the embedded PGlite (one instance), as files under DATA_DIR/uploads.
// `npm run uploads:to-database` moves files stored on disk before the switch to PostgreSQL (uploadsCli.ts).
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db } from '../db'

/** The bytes to store: one buffer already in memory (an upload), or a stream of pieces (a file being moved). */
export type UploadBytes = Uint8Array | AsyncIterable<Uint8Array>

export interface UploadStorage {
  readonly kind: 'files' | 'database'
  /** Stores the bytes under `key` (a new key each time; keys are never overwritten). */
  put(key: string, bytes: UploadBytes): Promise<void>
  /** The bytes under `key` as a stream, or undefined when there are none. */
  read(key: string): Promise<Readable | undefined>
  has(key: string): Promise<boolean>
  /** Removes `key`; nothing happens when it is absent. */
  delete(key: string): Promise<void>
}

/** Keys are ours (`ab/<uuid>`): lower-case hex, digits, dashes and one level of folder. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('not an upload storage key')
  return key
}

/** The storage key of an upload: spread over 256 folders by the id's first two characters. */
export function storageKeyFor(uploadId: string): string {
  return checkKey(`${uploadId.slice(0, 2)}/${uploadId}`)
}

function asIterable(bytes: UploadBytes): AsyncIterable<Uint8Array> {
  return bytes instanceof Uint8Array ? Readable.from([bytes], { objectMode: true }) : bytes
}

/** Files on disk under `root` (DATA_DIR/uploads). A write lands under a temporary name first, then is renamed. */
export function fileUploadStorage(root: string): UploadStorage {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'))
  const exists = async (file: string) => {
    try {
      return (await stat(file)).isFile()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }
  return {
    kind: 'files',
    async put(key, bytes) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
      try {
        await pipeline(Readable.from(asIterable(bytes)), createWriteStream(partial, { flags: 'wx', mode: 0o600 }))
        await rename(partial, file)
      } catch (error) {
        await rm(partial, { force: true })
        throw error
      }
    },
    async read(key) {
      const file = fileOf(key)
      return (await exists(file)) ? createReadStream(file) : undefined
    },
    has: (key) => exists(fileOf(key)),
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}

/**
 * Rows of this many bytes: a 10 MB document is 10 rows, and a reader holds one row in memory at a time.
 * PostgreSQL keeps each row's bytes out of line (TOAST) without trying to compress them (053's STORAGE EXTERNAL):
 * photos and PDFs are compressed already.
 */
export const CHUNK_BYTES = 1024 * 1024

/** Cuts the pieces into CHUNK_BYTES chunks; a buffer already in memory is sliced, not copied. */
async function* chunks(bytes: UploadBytes): AsyncGenerator<Uint8Array> {
  if (bytes instanceof Uint8Array) {
    for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES)
    return
  }
  let pending: Uint8Array[] = []
  let size = 0
  for await (const piece of bytes) {
    let rest = piece
    while (size + rest.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - size
      yield pending.length === 0 ? rest.subarray(0, take) : Buffer.concat([...pending, rest.subarray(0, take)])
      rest = rest.subarray(take)
      pending = []
      size = 0
    }
    if (rest.length > 0) {
      pending.push(rest)
      size += rest.length
    }
  }
  if (size > 0) yield Buffer.concat(pending)
}

/** In PostgreSQL's `upload_chunks` (db/migrations/053_upload_chunks.sql): every instance reads the same bytes. */
export function databaseUploadStorage(db: Db): UploadStorage {
  return {
    kind: 'database',
    async put(key, bytes) {
      checkKey(key)
      // One transaction: a reader sees the whole file or nothing, and a failed write leaves nothing behind.
      await db.transaction(async (tx) => {
        let seq = 0
        for await (const chunk of chunks(bytes)) {
          await tx.query('INSERT INTO upload_chunks (storage_key, seq, bytes) VALUES ($1, $2, $3)', [key, seq, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)])
          seq += 1
        }
      })
    },
    async read(key) {
      checkKey(key)
      const found = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM upload_chunks WHERE storage_key = $1', [key])
      const count = found.rows[0]?.count ?? 0
      if (count === 0) return undefined
      async function* rows() {
        for (let seq = 0; seq < count; seq += 1) {
          const row = await db.query<{ bytes: Buffer }>('SELECT bytes FROM upload_chunks WHERE storage_key = $1 AND seq = $2', [key, seq])
          if (!row.rows[0]) throw new Error(`upload chunk ${seq} of ${key} is missing`)
          yield row.rows[0].bytes
        }
      }
      return Readable.from(rows(), { objectMode: false })
    },
    async has(key) {
      const found = await db.query('SELECT 1 FROM upload_chunks WHERE storage_key = $1 AND seq = 0', [checkKey(key)])
      return found.rowCount > 0
    },
    async delete(key) {
      await db.query('DELETE FROM upload_chunks WHERE storage_key = $1', [checkKey(key)])
    },
  }
}

/** The storage an instance uses: the database with PostgreSQL, DATA_DIR/uploads with the embedded PGlite. */
export function uploadStorageFor(db: Db, dataDir: string): UploadStorage {
  return db.kind === 'postgres' ? databaseUploadStorage(db) : fileUploadStorage(uploadsDirectory(dataDir))
}

export const uploadsDirectory = (dataDir: string) => path.join(dataDir, 'uploads')
