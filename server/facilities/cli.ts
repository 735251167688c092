// The import command's logic (`runImportCli`), kept apart from its entry point `importCli.ts` so
// tests can run it in-process. What it does, its options and exit status: see importCli.ts.
import { type Db, describeDb, migrate, openDb } from '../db'
import { EnvError, loadEnv } from '../env'
import { FacilityFileError, type FacilityImportOptions, formatImportReport, importFacilityText, readFacilityFile } from './import'

export const USAGE = `用法：npm run facilities:import -- <文件.csv|文件.geojson> [--dry-run] [--remove-sample]

  --dry-run        只检查并报告，不写入数据库
  --remove-sample  在同一事务中删除全部示例数据（以真实名单替换示例数据时使用）

按 externalId 新增或更新；每一条被拒绝的行都会列出行号和原因。
数据库与服务相同：设置了 DATABASE_URL 时用 PostgreSQL，否则用 DATA_DIR（默认 ./.data）中的内嵌数据库。
CSV 的列和 GeoJSON 的属性见 server/facilities/importer.ts。
`

export interface ImportCliDeps {
  env?: Record<string, string | undefined>
  cwd?: string
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  /** An open, migrated database to use instead of the one the environment names (tests). Not closed here. */
  db?: Db
  now?: Date
}

interface ParsedArgs {
  file?: string
  options: FacilityImportOptions
  help: boolean
  problems: string[]
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { options: {}, help: false, problems: [] }
  const files: string[] = []
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') parsed.help = true
    else if (arg === '--dry-run') parsed.options.dryRun = true
    else if (arg === '--remove-sample') parsed.options.removeSample = true
    else if (arg.startsWith('-') && arg !== '-') parsed.problems.push(`未知的选项 ${arg}`)
    else files.push(arg)
  }
  if (files.length > 1) parsed.problems.push(`一次只能导入一个文件，收到 ${files.length} 个：${files.join('、')}`)
  parsed.file = files[0]
  if (!parsed.help && parsed.file === undefined && parsed.problems.length === 0) parsed.problems.push('请给出要导入的文件')
  return parsed
}

/** Runs the import and returns the exit status (see the module comment). */
export async function runImportCli(argv: readonly string[], deps: ImportCliDeps = {}): Promise<number> {
  const out = deps.stdout ?? ((text: string) => void process.stdout.write(text))
  const err = deps.stderr ?? ((text: string) => void process.stderr.write(text))
  const args = parseArgs(argv)
  if (args.help) {
    out(USAGE)
    return 0
  }
  if (args.problems.length > 0 || args.file === undefined) {
    err(`${args.problems.join('\n')}\n\n${USAGE}`)
    return 2
  }
  const file = args.file
  // Read the file before opening the database: a missing or unreadable file fails at once.
  let text: string
  try {
    text = await readFacilityFile(file)
  } catch (error) {
    if (error instanceof FacilityFileError) {
      err(`${error.message}\n`)
      return 1
    }
    throw error
  }

  let db = deps.db
  let describe = 'the given database'
  let kind = db?.kind
  if (!db) {
    let env
    try {
      env = loadEnv(deps.env ?? process.env, deps.cwd ?? process.cwd())
    } catch (error) {
      if (error instanceof EnvError) {
        err(`${error.message}\n`)
        return 1
      }
      throw error
    }
    describe = describeDb(env)
    kind = env.databaseUrl ? 'postgres' : 'pglite'
    try {
      db = await openDb(env)
    } catch (error) {
      const hint = env.databaseUrl ? '' : '\n运行中的服务占用内嵌数据库时不能导入：请先停止服务，导入后再启动（或改用 PostgreSQL：DATABASE_URL）。'
      err(`无法打开数据库 ${describe}：${(error as Error).message}${hint}\n`)
      return 1
    }
  }

  try {
    if (!deps.db) {
      const { applied } = await migrate(db)
      if (applied.length > 0) err(`数据库已迁移：${applied.join(', ')}\n`)
    }
    const report = await importFacilityText(db, text, file, { ...args.options, ...(deps.now ? { now: deps.now } : {}) })
    out(formatImportReport(report))
    const imported = report.inserted + report.updated + report.removedSample > 0
    if (imported) {
      out(
        kind === 'postgres'
          ? `已写入 ${describe}。每个运行中的服务实例都会收到通知，随即看到新数据。\n`
          : `已写入 ${describe}。启动服务后即可查到新数据。\n`,
      )
    }
    if (report.unreadable) return 1
    if (report.accepted === 0 && report.refused.length > 0) {
      err('没有可导入的行。\n')
      return 1
    }
    return 0
  } catch (error) {
    err(`导入失败，数据库未作任何修改：${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  } finally {
    if (!deps.db) await db.close()
  }
}
