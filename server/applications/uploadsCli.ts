// `npm run uploads:to-database [-- --delete-files]`
//
// Once, when a server that kept documents under DATA_DIR/uploads moves to PostgreSQL (DATABASE_URL): copies
// every recorded upload's file into the database (server/applications/moveUploads.ts), checking each
// against its recorded SHA-256. With --delete-files each file is removed once it is safely in the database.
// Safe to run again, and while servers run. Uses the same DATABASE_URL and DATA_DIR as `npm run serve`.
//
// Exit status: 0 when every recorded upload is in the database; 1 when some are missing or differ from
// what was recorded (listed by upload id), or the database could not be opened; 2 for a usage error.
import { uploadsDirectory } from './storage'
import { moveUploadsToDatabase } from './moveUploads'
import { describeDb, migrate, openDb } from '../db'
import { EnvError, loadEnv } from '../env'

const USAGE = `用法：npm run uploads:to-database [-- --delete-files]

把 DATA_DIR/uploads 中的上传文件逐个写入 PostgreSQL（DATABASE_URL），并按记录的 SHA-256 核对。
  --delete-files  核对无误后删除磁盘上的文件
可重复运行：已在数据库中的文件会跳过。
`

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--delete-files')
  if (unknown.length > 0) {
    process.stderr.write(`${unknown.some((arg) => arg === '--help' || arg === '-h') ? '' : `未知的参数：${unknown.join(' ')}\n\n`}${USAGE}`)
    return unknown.every((arg) => arg === '--help' || arg === '-h') ? 0 : 2
  }
  let env
  try {
    env = loadEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`)
      return 1
    }
    throw error
  }
  if (!env.databaseUrl) {
    process.stderr.write('没有设置 DATABASE_URL：内嵌数据库的上传文件就保存在 DATA_DIR/uploads，无需移动。\n')
    return 2
  }
  const db = await openDb(env)
  try {
    await migrate(db)
    const root = uploadsDirectory(env.dataDir)
    const report = await moveUploadsToDatabase(db, root, { deleteFiles: argv.includes('--delete-files') })
    const lines = [
      `上传文件 → ${describeDb(env)}（来自 ${root}）`,
      `  记录的上传：${report.total}`,
      `  本次写入数据库：${report.moved}`,
      `  已在数据库中：${report.alreadyThere}`,
    ]
    if (report.filesDeleted > 0) lines.push(`  已删除磁盘文件：${report.filesDeleted}`)
    if (report.missing.length > 0) lines.push(`  找不到文件（数据库和磁盘上都没有）：${report.missing.length}`, ...report.missing.map((id) => `    - ${id}`))
    if (report.corrupt.length > 0) lines.push(`  内容与记录的 SHA-256 不符，未写入：${report.corrupt.length}`, ...report.corrupt.map((id) => `    - ${id}`))
    process.stdout.write(`${lines.join('\n')}\n`)
    return report.missing.length + report.corrupt.length > 0 ? 1 : 0
  } finally {
    await db.close()
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
