// The databases the db-backed tests run against: PGlite always, PostgreSQL too when DATABASE_URL is set.
// Each PostgreSQL test database is a fresh schema, dropped afterwards, so runs never collide.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openPglite, openPostgres, type Db, type DbKind } from '../../../server/db'

export const databaseUrl = process.env.DATABASE_URL

export const dbKinds: DbKind[] = databaseUrl ? ['pglite', 'postgres'] : ['pglite']

export interface TestDb {
  db: Db
  /** Opens another connection to the same database (PostgreSQL only), e.g. to race two servers. */
  openAnother(): Promise<Db>
  cleanup(): Promise<void>
}

export function freshSchemaName(): string {
  return `test_${process.pid}_${randomBytes(4).toString('hex')}`
}

export async function openTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite()
    return {
      db,
      openAnother: () => Promise.reject(new Error('PGlite is one connection')),
      cleanup: () => db.close(),
    }
  }
  if (!databaseUrl) throw new Error('DATABASE_URL is not set')
  const url = databaseUrl
  const schema = freshSchemaName()
  const opened: Db[] = []
  const open = async () => {
    const db = await openPostgres({ url, schema, max: 4 })
    opened.push(db)
    return db
  }
  const db = await open()
  return {
    db,
    openAnother: open,
    async cleanup() {
      await Promise.all(opened.map((each) => each.close()))
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
