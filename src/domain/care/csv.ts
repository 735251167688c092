/**
 * A small RFC 4180 CSV parser: comma-separated fields, records ended by CRLF or LF (a lone CR
 * too), fields in double quotes may hold commas, quotes (doubled: "") and line breaks.
 * A leading UTF-8 byte-order mark (as Excel writes) is ignored. Lenient where RFC 4180 is silent:
 * a quote inside an unquoted field is kept as text, and text after a closing quote is appended.
 */

export class CsvSyntaxError extends Error {
  /** 1-based record number where the problem starts. */
  readonly record: number
  /** 1-based physical line where the problem starts. */
  readonly line: number

  constructor(message: string, record: number, line: number) {
    super(message)
    this.name = 'CsvSyntaxError'
    this.record = record
    this.line = line
  }
}

export interface CsvRecord {
  /** 1-based record number (the header is record 1, as a spreadsheet numbers rows). */
  record: number
  /** 1-based physical line where the record starts. */
  line: number
  fields: string[]
}

/** Parse CSV text into records. Throws `CsvSyntaxError` on an unterminated quoted field. */
export function parseCsv(text: string): CsvRecord[] {
  const { records, error } = readCsv(text)
  if (error) throw error
  return records
}

/** Like `parseCsv`, but returns the records read before a syntax error together with the error. */
export function readCsv(text: string): { records: CsvRecord[]; error?: CsvSyntaxError } {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0
  let started = false
  const n = input.length

  const endRecord = (): void => {
    fields.push(field)
    records.push({ record: records.length + 1, line: recordLine, fields })
    fields = []
    field = ''
    started = false
  }

  while (i < n) {
    const ch = input[i] as string
    if (ch !== '\r' && ch !== '\n') started = true
    if (ch === '"' && field === '') {
      // Quoted field.
      const startLine = line
      i++
      let closed = false
      while (i < n) {
        const c = input[i] as string
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          closed = true
          break
        }
        if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line++
        field += c
        i++
      }
      if (!closed) return { records, error: new CsvSyntaxError(`第 ${startLine} 行开始的引号没有闭合`, records.length + 1, startLine) }
      continue
    }
    if (ch === ',') {
      fields.push(field)
      field = ''
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1
      line++
      recordLine = line
      continue
    }
    field += ch
    i++
  }
  // The last record, unless the text ended with a line break.
  if (started) endRecord()
  return { records }
}

/** Quote a value for CSV output when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Serialise rows as CSV with CRLF line endings. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
