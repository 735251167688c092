// A database as it was before a migration: for testing what the migration does to rows already there.
import { copyFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { MIGRATIONS_DIR, migrate } from '../../../server/db'
import { openTestDb, type TestDb } from './databases'
import { tempDir } from './files'

/** An embedded database migrated up to, not including, the migration whose name starts with `before` (e.g. '050'). */
export async function databaseBefore(before: string): Promise<TestDb> {
  const earlier = tempDir('jinxin-migrations-')
  try {
    for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => name < before)) copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(earlier.dir, file))
    const testDb = await openTestDb('pglite')
    await migrate(testDb.db, { dir: earlier.dir })
    return testDb
  } finally {
    earlier.remove()
  }
}
