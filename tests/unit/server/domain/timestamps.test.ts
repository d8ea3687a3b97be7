import { describe, expect, it } from 'vitest'
import { ingestTimestamp, isIngestTimestamp, queryTimestamp } from '../../../../server/domain/timestamps'

const messages = (schema: typeof ingestTimestamp, value: string) => {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map(issue => issue.message)
}

describe('ingestTimestamp', () => {
  it('accepts 1970 up to five minutes past now, and refuses year 0000, 1969 and the far future with one message', () => {
    expect(messages(ingestTimestamp, '1970-01-01T00:00:00Z')).toEqual([])
    expect(messages(ingestTimestamp, new Date(Date.now() + 60_000).toISOString())).toEqual([])
    for (const value of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', new Date(Date.now() + 3_600_000).toISOString()]) {
      expect(messages(ingestTimestamp, value)).toEqual(['must be between 1970-01-01 and 5 minutes from now'])
    }
  })

  it('reports an unparseable value once, as a format error', () => {
    expect(messages(ingestTimestamp, 'yesterday')).toHaveLength(1)
  })
})

describe('isIngestTimestamp', () => {
  it('vouches only for what ingestTimestamp accepts: offsets and fractions yes, no offset, bad dates and out of range no', () => {
    const now = Date.now()
    const cases = ['1970-01-01T00:00:00Z', '2026-06-01T08:00:00.123Z', '2026-06-01T10:00:00+02:00', '2024-02-29T00:00:00Z', new Date(now + 60_000).toISOString(),
      '2026-06-01T08:00:00', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-06-01 08:00:00Z', 'yesterday', '1969-12-31T23:59:59Z', new Date(now + 3_600_000).toISOString()]
    expect(cases.map(value => isIngestTimestamp(value, now))).toEqual(cases.map(value => ingestTimestamp.safeParse(value).success))
    expect(cases.filter(value => isIngestTimestamp(value, now))).toHaveLength(5)
  })
})

describe('queryTimestamp', () => {
  it('accepts 1970 to 2100 and refuses year 0000 and 2100 onwards', () => {
    expect(messages(queryTimestamp, '2099-12-31T23:59:59+01:00')).toEqual([])
    expect(messages(queryTimestamp, '0000-01-02T00:00:00Z')).toEqual(['must be between 1970-01-01 and 2100-01-01'])
    expect(messages(queryTimestamp, '2100-01-01T00:00:00Z')).toEqual(['must be between 1970-01-01 and 2100-01-01'])
  })
})
