import { describe, expect, it } from 'vitest'
import { RECOVERY_KEY } from '../../../../shared/realtime-protocol'
import { encodePayload, payloadShape, withRecoveryMeta } from '../../../../server/realtime/recovery-meta'

/** What the publisher does with one payload string. */
function annotate(raw: string, offset = 3, sentAt = 1_700_000_000_123): string {
  return withRecoveryMeta(raw, payloadShape(raw), offset, sentAt)
}

describe('withRecoveryMeta', () => {
  it('uses __lookout as the recovery key', () => {
    expect(RECOVERY_KEY).toBe('__lookout')
  })

  it('adds offset and sent_at to an object payload and keeps its keys', () => {
    const result = JSON.parse(annotate('{"a":1,"b":{"c":[1,2]},"s":"x,}"}')) as Record<string, unknown>
    expect(result).toEqual({ __lookout: { offset: 3, sent_at: 1_700_000_000_123 }, a: 1, b: { c: [1, 2] }, s: 'x,}' })
  })

  it('handles whitespace around and inside an object payload', () => {
    expect(JSON.parse(annotate('  { "a" : 1 }\n'))).toEqual({ __lookout: { offset: 3, sent_at: 1_700_000_000_123 }, a: 1 })
  })

  it('adds the metadata to an empty object', () => {
    expect(JSON.parse(annotate('{}', 1, 5))).toEqual({ __lookout: { offset: 1, sent_at: 5 } })
    expect(JSON.parse(annotate('{ }', 1, 5))).toEqual({ __lookout: { offset: 1, sent_at: 5 } })
  })

  it.each([
    ['an array', '[1,2]'],
    ['a string', 'hello'],
    ['a JSON string', '"hello"'],
    ['a number', '42'],
    ['null', 'null'],
    ['invalid JSON that looks like an object', '{"a":'],
    ['an empty payload', ''],
  ])('leaves %s untouched', (_what, raw) => {
    expect(annotate(raw)).toBe(raw)
  })

  it.each([
    ['beside other keys', JSON.stringify({ a: 1, __lookout: { offset: 99, sent_at: 1 } })],
    ['as the only key', '{"__lookout":{"offset":9,"sent_at":1}}'],
  ])('leaves a payload that holds __lookout itself (%s) untouched rather than hide the publisher\'s value', (_where, raw) => {
    expect(annotate(raw, 4, 10)).toBe(raw)
  })
})

describe('payloadShape', () => {
  it('tells objects, empty objects and everything else apart', () => {
    expect(payloadShape('{"a":1}')).toBe('object')
    expect(payloadShape('{}')).toBe('empty-object')
    expect(payloadShape('[]')).toBe('other')
    expect(payloadShape('{oops')).toBe('other')
  })
})

describe('encodePayload', () => {
  it('sends a string as given with the shape payloadShape reads from it', () => {
    for (const raw of ['{"a":1}', '{ }', '[1]', '{"__lookout":1}', 'text']) expect(encodePayload(raw)).toEqual({ raw, shape: payloadShape(raw) })
  })

  it.each([
    ['an object', { a: 1, b: [2] }],
    ['an empty object', {}],
    ['an object whose only key is left out of its encoding', { a: undefined }],
    ['an object holding __lookout', { a: 1, __lookout: 2 }],
    ['an object holding __lookout left out of its encoding', { a: 1, __lookout: undefined }],
    ['an object whose toJSON answers an object holding __lookout', { toJSON: () => ({ __lookout: 1 }) }],
    ['an object whose toJSON answers an array', { toJSON: () => [1] }],
    ['a date', new Date(0)],
    ['an array', [{ a: 1 }]],
    ['a number', 4],
    ['null', null],
    ['undefined', undefined],
  ])('JSON-encodes %s once, with the shape payloadShape would read from the encoding', (_what, data) => {
    const raw = JSON.stringify(data ?? null)
    expect(encodePayload(data)).toEqual({ raw, shape: payloadShape(raw) })
  })
})
