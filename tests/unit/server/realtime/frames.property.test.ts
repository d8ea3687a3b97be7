// Property tests of the client frame parser: it never throws, and accepts exactly the JSON objects with a non-empty string event.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseClientFrame } from '../../../../server/realtime/frames'

/** What the protocol says a client frame is, written independently of the parser. */
function isValidFrame(text: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(text)
  }
  catch {
    return false
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { event, channel } = value as { event?: unknown, channel?: unknown }
  return typeof event === 'string' && event !== '' && (channel === undefined || typeof channel === 'string')
}

const anyValue = fc.oneof(fc.jsonValue(), fc.constant(undefined))

/** Objects shaped like Pusher frames whose fields may have any JSON type. */
const frameLike = fc.record({
  event: fc.oneof(fc.constantFrom('pusher:subscribe', 'pusher:ping', 'client-x', ''), fc.string(), anyValue),
  channel: fc.oneof(fc.string(), anyValue),
  data: fc.oneof(anyValue, fc.jsonValue().map(value => JSON.stringify(value)), fc.string()),
}, { requiredKeys: [] }).map(frame => JSON.stringify(frame))

/** A valid frame's text with one character replaced, inserted or removed. */
const mutatedFrame = fc.tuple(frameLike, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('replace', 'insert', 'delete'))
  .map(([text, at, char, how]) => {
    const i = at % (text.length + 1)
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i)
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1)
    return text.slice(0, i) + char + text.slice(i + 1)
  })

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', 'event', 'channel', 'data', 'null', '1', ' ') }),
  fc.json(),
  frameLike,
  mutatedFrame,
)

describe('parseClientFrame (properties)', () => {
  it('never throws, and is ok exactly for JSON objects with a non-empty string event and an optional string channel', () => {
    fc.assert(fc.property(anyText, (text) => {
      const result = parseClientFrame(text)
      expect(result.ok).toBe(isValidFrame(text))
      if (!result.ok) expect(result.error).toMatch(/\S/)
    }), { numRuns: 5_000 })
  })

  it('returns the event and channel as sent', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.option(fc.string(), { nil: undefined }), fc.jsonValue(), (event, channel, data) => {
      const result = parseClientFrame(JSON.stringify({ event, channel, data }))
      expect(result).toMatchObject({ ok: true, frame: { event, channel } })
    }), { numRuns: 1_000 })
  })

  it('decodes data sent as a JSON string into the same value as data sent as it is', () => {
    // A string that is itself JSON is ambiguous and decoded, so values sent as they are exclude strings.
    fc.assert(fc.property(fc.jsonValue().filter(data => typeof data !== 'string'), (data) => {
      const asString = parseClientFrame(JSON.stringify({ event: 'client-x', data: JSON.stringify(data) }))
      const asValue = parseClientFrame(JSON.stringify({ event: 'client-x', data }))
      const expected = JSON.parse(JSON.stringify(data)) as unknown
      expect(asString.ok && asString.frame.data).toEqual(expected)
      expect(asValue.ok && asValue.frame.data).toEqual(expected)
    }), { numRuns: 1_000 })
  })

  it('keeps a data string that is not JSON unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (data) => {
      fc.pre(!isJson(data))
      const result = parseClientFrame(JSON.stringify({ event: 'client-x', data }))
      expect(result.ok && result.frame.data).toBe(data)
    }), { numRuns: 1_000 })
  })

  it('never throws on deeply nested frames', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(['[', '', ']'], ['{"a":', '1', '}']), (depth, [open, inner, close]) => {
      const nested = open.repeat(depth) + inner + close.repeat(depth)
      expect(parseClientFrame(`{"event":"client-x","data":${nested}}`).ok).toBe(true)
      expect(parseClientFrame(nested).ok).toBe(false)
    }), { numRuns: 50 })
  })
})

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  }
  catch {
    return false
  }
}
