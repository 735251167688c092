// Where uploaded files' bytes live. Behind this small interface so that production can put them in an
// object store (OSS/COS/S3) while development and tests keep them on disk under DATA_DIR/uploads.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface UploadStorage {
  /** Stores `bytes` under `key` (a new key each time; keys are never overwritten). */
  put(key: string, bytes: Buffer): Promise<void>
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>
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

/** Files on disk under `root` (DATA_DIR/uploads). A write lands under a temporary name first, then is renamed. */
export function fileUploadStorage(root: string): UploadStorage {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'))
  return {
    async put(key, bytes) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
      try {
        await writeFile(partial, bytes, { flag: 'wx', mode: 0o600 })
        await rename(partial, file)
      } catch (error) {
        await rm(partial, { force: true })
        throw error
      }
    },
    async get(key) {
      try {
        return await readFile(fileOf(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}
