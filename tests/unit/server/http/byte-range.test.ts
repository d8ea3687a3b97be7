import { describe, expect, it } from 'vitest'
import { parseByteRange } from '../../../../server/http/byte-range'

describe('HTTP Range headers', () => {
  it('reads a bounded range, clamping its end to the file', () => {
    expect(parseByteRange('bytes=0-126', 1000)).toEqual({ start: 0, end: 126 })
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 })
  })

  it('reads an open range to the end and a suffix of the last bytes', () => {
    expect(parseByteRange('bytes=10-', 1000)).toEqual({ start: 10, end: 999 })
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 })
  })

  it('calls a range outside the file unsatisfiable', () => {
    expect(parseByteRange('bytes=1000-1010', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=20-10', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable')
  })

  it('ignores a missing header, other units and multiple ranges (the whole file is sent)', () => {
    expect(parseByteRange(undefined, 1000)).toBeNull()
    expect(parseByteRange('items=0-10', 1000)).toBeNull()
    expect(parseByteRange('bytes=0-10,20-30', 1000)).toBeNull()
    expect(parseByteRange('bytes=-', 1000)).toBeNull()
  })
})
