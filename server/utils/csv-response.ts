// Answers a request with a CSV download streamed page by page: the response pulls the next page only when
// the client has taken the last one, so an export of a year never sits in memory.
import { Readable } from 'node:stream'
import type { H3Event } from 'h3'
import { setResponseHeaders } from 'h3'
import type { CsvColumn } from '../domain/exports/csv'
import { csvLine } from '../domain/exports/csv'

/** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore. */
function safeFilename(name: string): string {
  return name.replace(/[^\w.-]+/g, '_')
}

/** Streams a header line then every row of `pages` as `filename` (an attachment), one page at a time. */
export function csvResponse<T>(event: H3Event, filename: string, columns: ReadonlyArray<CsvColumn<T>>, pages: AsyncIterable<readonly T[]>): Readable {
  setResponseHeaders(event, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${safeFilename(filename)}"`,
    'cache-control': 'no-store',
  })
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(columns.map(column => column.header))
    for await (const rows of pages) yield rows.map(row => csvLine(columns.map(column => column.value(row)))).join('')
  }
  return Readable.from(lines(), { objectMode: false })
}

/** A file name for an export of a range: `name_2026-03-01T00-00-00Z_2026-03-02T00-00-00Z.csv`. */
export function rangeFilename(name: string, range: { from: Date, to: Date }, extension = 'csv'): string {
  const stamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-')
  return `${name}_${stamp(range.from)}_${stamp(range.to)}.${extension}`
}
