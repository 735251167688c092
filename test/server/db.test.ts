// The database layer: migrations, transactions and values, the same on PGlite and PostgreSQL.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isUniqueViolation, migrate, openPglite, readMigrations } from '../../server/db'
import { dbKinds, openTestDb, type TestDb } from './helpers/databases'
import { tempDir } from './helpers/files'

jest.setTimeout(60_000)

describe.each(dbKinds)('the database on %s', (kind) => {
  let t: TestDb

  beforeAll(async () => {
    t = await openTestDb(kind)
  })
  afterAll(async () => {
    await t.cleanup()
  })

  it('migrates a fresh database, and a second run changes nothing', async () => {
    const first = await migrate(t.db)
    expect(first.applied).toEqual(readMigrations().map((migration) => migration.name))
    expect(first.applied[0]).toBe('001_core')

    const second = await migrate(t.db)
    expect(second.applied).toEqual([])

    const recorded = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    expect(recorded.rows.map((row) => row.name)).toEqual(first.applied)
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    )
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['schema_migrations', 'sessions', 'users']))
  })

  it('applies new migration files in name order, each once', async () => {
    const dir = tempDir('jinxin-migrations-')
    try {
      writeFileSync(path.join(dir.dir, '020_b.sql'), 'ALTER TABLE extra_a ADD COLUMN note text;')
      writeFileSync(path.join(dir.dir, '010_a.sql'), 'CREATE TABLE extra_a (id int PRIMARY KEY);\nINSERT INTO extra_a (id) VALUES (1);')
      expect((await migrate(t.db, { dir: dir.dir })).applied).toEqual(['010_a', '020_b'])
      expect((await migrate(t.db, { dir: dir.dir })).applied).toEqual([])
      const row = await t.db.query<{ id: number; note: string | null }>('SELECT id, note FROM extra_a')
      expect(row.rows).toEqual([{ id: 1, note: null }])
    } finally {
      dir.remove()
    }
  })

  it('rolls a failed migration back entirely and reports it', async () => {
    const dir = tempDir('jinxin-migrations-')
    try {
      writeFileSync(path.join(dir.dir, '030_broken.sql'), 'CREATE TABLE half_done (id int);\nTHIS IS NOT SQL;')
      await expect(migrate(t.db, { dir: dir.dir })).rejects.toThrow()
      const exists = await t.db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'half_done'`)
      expect(exists.rows).toEqual([])
      const recorded = await t.db.query(`SELECT 1 FROM schema_migrations WHERE name = '030_broken'`)
      expect(recorded.rows).toEqual([])
    } finally {
      dir.remove()
    }
  })

  it('refuses a migration file that is not named NNN_name.sql, rather than skip it', () => {
    const dir = tempDir('jinxin-migrations-')
    try {
      writeFileSync(path.join(dir.dir, '010_ok.sql'), 'SELECT 1;')
      writeFileSync(path.join(dir.dir, 'drafts.sql'), 'SELECT 1;')
      expect(() => readMigrations(dir.dir)).toThrow(/drafts\.sql/)
    } finally {
      dir.remove()
    }
  })

  it('commits a transaction that succeeds and rolls back one that throws', async () => {
    await t.db.exec('CREATE TABLE tx_probe (id int PRIMARY KEY)')
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (id) VALUES ($1)', [1])
    })
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (id) VALUES ($1)', [2])
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    const rows = await t.db.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id')
    expect(rows.rows).toEqual([{ id: 1 }])
  })

  it('reports a unique violation by its SQLSTATE on both databases', async () => {
    const error = await t.db.query('INSERT INTO tx_probe (id) VALUES (1)').catch((caught: unknown) => caught)
    expect(isUniqueViolation(error)).toBe(true)
  })

  it('returns the same JavaScript values on both databases', async () => {
    const result = await t.db.query<Record<string, unknown>>(
      `SELECT 42::int8 AS count, 1.50::numeric AS amount, '2025-01-01'::date AS day,
              '2025-01-01 10:00:00+08'::timestamptz AS at, '2025-01-01 10:00:00'::timestamp AS local_at,
              '{"a": [1, 2]}'::jsonb AS doc, true AS yes, $1::text AS param`,
      ['参数'],
    )
    expect(result.rows[0]).toEqual({
      count: 42,
      amount: '1.50',
      day: '2025-01-01',
      at: new Date('2025-01-01T02:00:00Z'),
      local_at: new Date('2025-01-01T10:00:00Z'),
      doc: { a: [1, 2] },
      yes: true,
      param: '参数',
    })
    expect(result.rowCount).toBe(1)
    const updated = await t.db.query('UPDATE tx_probe SET id = id WHERE id = 1')
    expect(updated.rowCount).toBe(1)
  })
})

if (dbKinds.includes('postgres')) {
  describe('two servers starting together on PostgreSQL', () => {
    it('migrate once between them, without errors', async () => {
      const t = await openTestDb('postgres')
      try {
        const other = await t.openAnother()
        const [a, b] = await Promise.all([migrate(t.db), migrate(other)])
        expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((migration) => migration.name))
        const recorded = await t.db.query('SELECT name FROM schema_migrations')
        expect(recorded.rowCount).toBe(readMigrations().length)
      } finally {
        await t.cleanup()
      }
    })
  })
}

describe('the embedded database on disk', () => {
  it('keeps its data between opens, refuses a directory another live process holds, and takes over a dead one’s', async () => {
    const dir = tempDir('jinxin-data-')
    try {
      mkdirSync(dir.dir, { recursive: true })
      const first = await openPglite({ dataDir: dir.dir })
      await migrate(first)
      await first.query(`INSERT INTO users (id, openid_hash, openid_sealed, created_at, last_sign_in_at) VALUES (gen_random_uuid(), 'h', 's', now(), now())`)
      // As if another running process (pid 1 always runs) held the directory.
      writeFileSync(path.join(dir.dir, 'pglite.lock'), '1')
      await expect(openPglite({ dataDir: dir.dir })).rejects.toThrow(/in use by process 1/)
      await first.close()

      // A lock left behind by a process that has died is taken over.
      writeFileSync(path.join(dir.dir, 'pglite.lock'), '4194303')
      const again = await openPglite({ dataDir: dir.dir })
      expect((await migrate(again)).applied).toEqual([])
      expect((await again.query('SELECT count(*)::int AS n FROM users')).rows).toEqual([{ n: 1 }])
      await again.close()
    } finally {
      dir.remove()
    }
  })
})
