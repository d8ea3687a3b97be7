import { describe, expect, it } from 'vitest'
import { csvField, csvLine } from '../../../../../server/domain/exports/csv'

describe('csvField (RFC 4180)', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Truck 7')).toBe('Truck 7')
    expect(csvField(52.37)).toBe('52.37')
    expect(csvField(-3.5)).toBe('-3.5')
    expect(csvField(true)).toBe('true')
  })

  it('writes null and undefined as an empty field', () => {
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
  })

  it('quotes a field holding a comma, a quote, CR or LF, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
  })

  it.each(['=1+1', '+31 6 1234', '-2', '@SUM(A1)', '\tcmd'])('makes text %j starting like a formula read as text', (value) => {
    expect(csvField(value)).toBe(`'${value}`)
  })

  it('quotes a formula-like field that also needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })
})

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine(['2026-03-01T00:00:00.000Z', 'a,b', 4, null])).toBe('2026-03-01T00:00:00.000Z,"a,b",4,\r\n')
  })
})
