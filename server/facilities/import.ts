// Importing a real facility list (CSV or GeoJSON; columns in ./importer.ts): every row
// validated by the importer, the accepted ones upserted by external id in one transaction,
// every refused row reported with its row number and reasons. Used by `npm run facilities:import`
// and, in-process, by `importFacilityFileAndRefresh`.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type ImportResult, type RefusedRow, importFacilitiesCsv, importFacilitiesGeoJson } from './importer'
import type { Db } from '../db'
import { deleteSampleFacilities, upsertFacilities } from './repository'
import type { FacilityService } from './service'

export type FacilityFileFormat = 'csv' | 'geojson'

export const FORMAT_LABELS: Readonly<Record<FacilityFileFormat, string>> = { csv: 'CSV', geojson: 'GeoJSON' }

/** The file could not be read at all (missing, a directory, not UTF-8 …): nothing was imported. */
export class FacilityFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FacilityFileError'
  }
}

export interface FacilityImportOptions {
  /** CSV or GeoJSON; by default from the file name (.csv, .geojson, .json), else from the content. */
  format?: FacilityFileFormat
  /** `updatedAt` for rows that give none, and the rows' written time. Defaults to now. */
  now?: Date
  /** Validate and report, write nothing. */
  dryRun?: boolean
  /** Delete every sample facility in the same transaction (when the real list replaces the sample). */
  removeSample?: boolean
}

export interface FacilityImportReport {
  file: string
  format: FacilityFileFormat
  dryRun: boolean
  accepted: number
  /** Counts of the accepted rows by what happened to them (all 0 on a dry run). */
  inserted: number
  updated: number
  unchanged: number
  refused: RefusedRow[]
  blankRows: number[]
  warnings: string[]
  removedSample: number
  /** The file as a whole could not be read as CSV or GeoJSON (row 0, or a CSV header that names no usable columns). */
  unreadable: boolean
}

/** `.csv` → CSV; `.geojson` / `.json` → GeoJSON; otherwise JSON when the text starts with `{`. */
export function detectFormat(fileName: string, text: string): FacilityFileFormat {
  const extension = path.extname(fileName).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (extension === '.geojson' || extension === '.json') return 'geojson'
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'geojson' : 'csv'
}

/** The file's text; throws FacilityFileError when it cannot be read or is not UTF-8. */
export async function readFacilityFile(filePath: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : code === 'EACCES' ? '没有读取权限' : (error as Error).message
    throw new FacilityFileError(`无法读取 ${filePath}：${why}`)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FacilityFileError(`${filePath} 不是 UTF-8 编码的文本（Excel 请“另存为 CSV UTF-8”；GBK 编码的文件请先转换为 UTF-8）`)
  }
}

function parse(text: string, format: FacilityFileFormat, now: Date): ImportResult {
  return format === 'csv' ? importFacilitiesCsv(text, { importedAt: now }) : importFacilitiesGeoJson(text, { importedAt: now })
}

/** Nothing in the file could be read as rows: a file-level refusal and no accepted row. */
function isUnreadable(result: ImportResult, format: FacilityFileFormat): boolean {
  if (result.accepted.length > 0) return false
  return result.refused.some((r) => r.row === 0 || (format === 'csv' && r.row === 1))
}

/** Validates `text` and, unless a dry run, upserts the accepted rows in one transaction. */
export async function importFacilityText(db: Db, text: string, file: string, options: FacilityImportOptions = {}): Promise<FacilityImportReport> {
  const now = options.now ?? new Date()
  const format = options.format ?? detectFormat(file, text)
  const result = parse(text, format, now)
  const report: FacilityImportReport = {
    file,
    format,
    dryRun: options.dryRun === true,
    accepted: result.accepted.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    refused: result.refused,
    blankRows: result.blankRows,
    warnings: result.warnings,
    removedSample: 0,
    unreadable: isUnreadable(result, format),
  }
  if (report.dryRun || report.unreadable) return report
  if (result.accepted.length === 0 && !options.removeSample) return report
  await db.transaction(async (tx) => {
    if (options.removeSample) report.removedSample = await deleteSampleFacilities(tx)
    const written = await upsertFacilities(tx, result.accepted, now)
    report.inserted = written.inserted.length
    report.updated = written.updated.length
    report.unchanged = written.unchanged.length
  })
  return report
}

/** Reads, validates and imports one file (see `importFacilityText`). */
export async function importFacilityFile(db: Db, filePath: string, options: FacilityImportOptions = {}): Promise<FacilityImportReport> {
  const text = await readFacilityFile(filePath)
  return importFacilityText(db, text, filePath, options)
}

/** Imports a file into the database a running app uses and rebuilds its index at once (tests, in-process tools). */
export async function importFacilityFileAndRefresh(
  target: { db: Db; facilities: FacilityService },
  filePath: string,
  options: FacilityImportOptions = {},
): Promise<FacilityImportReport> {
  const report = await importFacilityFile(target.db, filePath, options)
  if (!report.dryRun && report.inserted + report.updated + report.removedSample > 0) await target.facilities.refresh()
  return report
}

/** The report the CLI prints: the counts, then EVERY refused row with its reasons. */
export function formatImportReport(report: FacilityImportReport): string {
  const lines: string[] = []
  const unit = report.format === 'csv' ? '行' : '个 feature'
  const csv = report.format === 'csv'
  const where = (row: number) => (row === 0 ? '整个文件' : csv ? `第 ${row} 行${row === 1 ? '（表头）' : ''}` : `第 ${row} 个 feature`)
  lines.push(`${report.dryRun ? '检查（未写入数据库）' : '导入'} ${report.file}（${FORMAT_LABELS[report.format]}）`)
  if (report.unreadable) lines.push('  无法按此格式读取这个文件，没有导入任何内容。')
  lines.push(`  有效：${report.accepted} ${unit}`)
  if (!report.dryRun && !report.unreadable) {
    lines.push(`    新增 ${report.inserted}，更新 ${report.updated}，未变 ${report.unchanged}`)
    if (report.removedSample > 0) lines.push(`  删除示例数据：${report.removedSample} 条`)
  }
  // Row 0 (the whole file) and a CSV's row 1 (its header) are not data rows.
  const refusedRows = report.refused.filter((r) => r.row > 0 && !(csv && r.row === 1)).length
  lines.push(`  拒绝：${refusedRows} ${unit}${report.refused.length > 0 ? '（原因如下）' : ''}`)
  for (const refused of report.refused) {
    lines.push(`  - ${where(refused.row)}${refused.externalId ? `（externalId ${refused.externalId}）` : ''}：`)
    for (const reason of refused.reasons) lines.push(`      ${reason}`)
  }
  if (report.blankRows.length > 0) lines.push(`  跳过空行：${report.blankRows.map((row) => `第 ${row} 行`).join('、')}`)
  for (const warning of report.warnings) lines.push(`  提示：${warning}`)
  return `${lines.join('\n')}\n`
}
