// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, quotes doubled inside quoted fields), safe to open in a spreadsheet.
export type CsvValue = string | number | boolean | null | undefined

/** One column of an export: its header and how a row's value is read. */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvValue
}

/** Characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One field. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe, so a device name like `=HYPERLINK(…)` shows as text; numbers (negative ones too) stay
 * numbers. A field holding a comma, quote, CR or LF is quoted, its quotes doubled. null and undefined are empty.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'string') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}
