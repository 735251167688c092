// Uploaded documents: a row per file (owner, type by content, size, SHA-256) and the bytes in storage.
import { createHash, randomUUID } from 'node:crypto'
import type { UploadContentType, UploadResponse } from '@/domain/application'
import type { Queryable } from '../db'
import { storageKeyFor, type UploadStorage } from './storage'

export interface StoredUpload {
  id: string
  contentType: UploadContentType
  size: number
  storageKey: string
}

/** Stores the bytes, then records them; the bytes are removed again when recording fails. */
export async function createUpload(
  db: Queryable,
  storage: UploadStorage,
  ownerId: string,
  bytes: Buffer,
  contentType: UploadContentType,
  now: Date,
): Promise<UploadResponse> {
  const id = randomUUID()
  const storageKey = storageKeyFor(id)
  await storage.put(storageKey, bytes)
  try {
    await db.query(
      `INSERT INTO uploads (id, owner_id, content_type, size, sha256, storage_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, ownerId, contentType, bytes.length, createHash('sha256').update(bytes).digest('hex'), storageKey, now],
    )
  } catch (error) {
    await storage.delete(storageKey)
    throw error
  }
  return { uploadId: id, contentType, size: bytes.length }
}

/** The upload if `ownerId` owns it; undefined otherwise, whether or not it exists. */
export async function findOwnUpload(db: Queryable, ownerId: string, uploadId: string): Promise<StoredUpload | undefined> {
  const result = await db.query<{ id: string; content_type: UploadContentType; size: number; storage_key: string }>(
    'SELECT id, content_type, size, storage_key FROM uploads WHERE id = $1 AND owner_id = $2',
    [uploadId, ownerId],
  )
  const row = result.rows[0]
  return row ? { id: row.id, contentType: row.content_type, size: row.size, storageKey: row.storage_key } : undefined
}
