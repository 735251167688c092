import fc from 'fast-check'
import { CsvSyntaxError, parseCsv, readCsv, toCsv } from '@/domain/care/csv'

const fields = (text: string) => parseCsv(text).map((r) => r.fields)

describe('CSV parser (RFC 4180)', () => {
  it('splits fields and records, with CRLF or LF', () => {
    expect(fields('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']])
    expect(fields('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']])
    expect(fields('a,,c\n')).toEqual([['a', '', 'c']])
    expect(fields('a,b,\n')).toEqual([['a', 'b', '']])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('name,address\r\n"王家庄村老年幸福食堂","山西省,太原市\r\n小店区 ""一号"" 院"\r\n')).toEqual([
      ['name', 'address'],
      ['王家庄村老年幸福食堂', '山西省,太原市\r\n小店区 "一号" 院'],
    ])
    expect(fields('"",""\n')).toEqual([['', '']])
    expect(fields('""')).toEqual([['']])
  })

  it('numbers records as a spreadsheet does, and knows their first line', () => {
    const records = parseCsv('h1,h2\n"x\ny",1\n\nz,2\n')
    expect(records.map((r) => [r.record, r.line, r.fields])).toEqual([
      [1, 1, ['h1', 'h2']],
      [2, 2, ['x\ny', '1']],
      [3, 4, ['']],
      [4, 5, ['z', '2']],
    ])
  })

  it('drops a UTF-8 byte-order mark', () => {
    expect(fields('\uFEFFexternalId,type\n')).toEqual([['externalId', 'type']])
  })

  it('reports an unterminated quote with where it began, keeping the records before it', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3\n')).toThrow(CsvSyntaxError)
    const { records, error } = readCsv('a,b\n1,"oops\n2,3\n')
    expect(records.map((r) => r.fields)).toEqual([['a', 'b']])
    expect(error).toMatchObject({ record: 2, line: 2 })
  })

  it('is lenient with a quote inside an unquoted field', () => {
    expect(fields('a"b,c\n')).toEqual([['a"b', 'c']])
  })

  it('reads back whatever it writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', 'x'), maxLength: 12 })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(fields(toCsv(rows))).toEqual(rows)
      }),
      { numRuns: 500 },
    )
  })
})
