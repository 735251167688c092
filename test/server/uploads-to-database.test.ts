// `npm run uploads:to-database`: documents a server kept on disk (DATA_DIR/uploads) moved into PostgreSQL,
// where every instance reads them; each checked against its recorded SHA-256; safe to run again.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { databaseUploadStorage, fileUploadStorage, storageKeyFor, uploadsDirectory } from '../../server/applications/storage'
import { migrate, openPostgres, type Db } from '../../server/db'
import { createFieldCrypto } from '../../server/crypto'
import { findOrCreateUser } from '../../server/services/sessions'
import { fixture } from './apply-support'
import { databaseUrl, dbKinds, freshSchemaName } from './helpers/databases'
import { tempDir } from './helpers/files'
import { testEnv } from './helpers/app'

jest.setTimeout(180_000)

const root = path.resolve(__dirname, '../..')
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['server/applications/uploadsCli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })

describe.each(dbKinds)('npm run uploads:to-database with %s', (kind) => {
  if (kind === 'pglite') {
    test('says there is nothing to move when the server runs on the embedded database', () => {
      const data = tempDir('jinxin-move-pglite-')
      try {
        const result = run([], { DATABASE_URL: '', DATA_DIR: data.dir })
        expect(result.status).toBe(2)
        expect(result.stderr).toContain('内嵌数据库的上传文件就保存在 DATA_DIR/uploads，无需移动')
      } finally {
        data.remove()
      }
    })
    return
  }

  const schema = freshSchemaName()
  const url = databaseUrl ?? ''
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  const data = tempDir('jinxin-move-')
  let db: Db

  beforeAll(async () => {
    db = await openPostgres({ url, schema })
    await migrate(db)
  })
  afterAll(async () => {
    await db.exec(`DROP SCHEMA ${schema} CASCADE`)
    await db.close()
    data.remove()
  })

  test('copies each recorded file, checks it, lists what is missing or damaged, and deletes files only when asked', async () => {
    const owner = await findOrCreateUser(db, createFieldCrypto(testEnv().fieldEncryptionKey), 'dev:wang-shufen-move', new Date())
    const files = fileUploadStorage(uploadsDirectory(data.dir))
    // A scan of 2.5 MB spans three chunks in the database.
    const scan = Buffer.concat([fixture('income-proof.pdf'), randomBytes(2_500_000)])
    const stored = { photo: fixture('id-card.jpg'), scan, damaged: fixture('hukou-book.png'), gone: fixture('id-card.jpg') }
    const ids: Record<keyof typeof stored, string> = { photo: randomUUID(), scan: randomUUID(), damaged: randomUUID(), gone: randomUUID() }
    for (const name of Object.keys(stored) as (keyof typeof stored)[]) {
      const bytes = stored[name]
      const key = storageKeyFor(ids[name])
      await db.query(
        `INSERT INTO uploads (id, owner_id, content_type, size, sha256, storage_key, created_at) VALUES ($1, $2, 'image/jpeg', $3, $4, $5, now())`,
        [ids[name], owner.id, bytes.length, createHash('sha256').update(bytes).digest('hex'), key],
      )
      if (name === 'damaged') await files.put(key, Buffer.concat([bytes, Buffer.from('x')]))
      else if (name !== 'gone') await files.put(key, bytes)
    }

    const env = { DATABASE_URL: withSchema.toString(), DATA_DIR: data.dir }
    const first = run([], env)
    expect(first.status).toBe(1)
    expect(first.stdout).toContain('记录的上传：4')
    expect(first.stdout).toContain('本次写入数据库：2')
    expect(first.stdout).toContain(`找不到文件（数据库和磁盘上都没有）：1\n    - ${ids.gone}`)
    expect(first.stdout).toContain(`内容与记录的 SHA-256 不符，未写入：1\n    - ${ids.damaged}`)

    const database = databaseUploadStorage(db)
    for (const name of ['photo', 'scan'] as const) {
      const read = await database.read(storageKeyFor(ids[name]))
      expect(read && (await buffer(read)).equals(stored[name])).toBe(true)
    }
    expect(await database.has(storageKeyFor(ids.damaged))).toBe(false)
    const chunks = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks WHERE storage_key = $1', [storageKeyFor(ids.scan)])
    expect(chunks.rows[0].n).toBe(3)
    // Nothing deleted without --delete-files.
    expect(existsSync(path.join(uploadsDirectory(data.dir), storageKeyFor(ids.photo)))).toBe(true)

    const again = run(['--delete-files'], env)
    expect(again.stdout).toContain('本次写入数据库：0')
    expect(again.stdout).toContain('已在数据库中：2')
    expect(again.stdout).toContain('已删除磁盘文件：2')
    expect(existsSync(path.join(uploadsDirectory(data.dir), storageKeyFor(ids.photo)))).toBe(false)
    // The damaged file stays on disk for someone to look at.
    expect(existsSync(path.join(uploadsDirectory(data.dir), storageKeyFor(ids.damaged)))).toBe(true)
  })
})
