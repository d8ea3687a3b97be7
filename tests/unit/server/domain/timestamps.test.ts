import { describe, expect, it } from 'vitest'
import { ingestTimestamp, queryTimestamp } from '../../../../server/domain/timestamps'

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

describe('queryTimestamp', () => {
  it('accepts 1970 to 2100 and refuses year 0000 and 2100 onwards', () => {
    expect(messages(queryTimestamp, '2099-12-31T23:59:59+01:00')).toEqual([])
    expect(messages(queryTimestamp, '0000-01-02T00:00:00Z')).toEqual(['must be between 1970-01-01 and 2100-01-01'])
    expect(messages(queryTimestamp, '2100-01-01T00:00:00Z')).toEqual(['must be between 1970-01-01 and 2100-01-01'])
  })
})
