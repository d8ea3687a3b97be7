import { describe, expect, it } from 'vitest'
import { errorFrame, parseClientFrame, serverFrame } from '../../../../server/realtime/frames'

/** Deterministic pseudo-random strings (32-bit LCG), biased towards JSON-ish characters. */
function randomStrings(count: number, seed = 42): string[] {
  const alphabet = '{}[]":,\\ abcdefghijklmnopqrstuvwxyz0123456789.-+eEtrufalsn\u00e9\u0000'
  const pieces = ['"event"', '"channel"', '"data"', 'null', 'true', '{"event":', '"pusher:ping"', '[]', '{}']
  let state = seed >>> 0
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0)
  return Array.from({ length: count }, () => {
    const length = next() % 40
    let text = ''
    for (let i = 0; i < length; i++) {
      text += next() % 4 === 0 ? pieces[next() % pieces.length] : alphabet[next() % alphabet.length]
    }
    return text
  })
}

describe('parseClientFrame', () => {
  it('accepts data as an object, as pusher-js sends it', () => {
    const result = parseClientFrame(JSON.stringify({ event: 'pusher:subscribe', data: { channel: 'a', auth: 'k:s' } }))
    expect(result).toEqual({ ok: true, frame: { event: 'pusher:subscribe', channel: undefined, data: { channel: 'a', auth: 'k:s' } } })
  })

  it('decodes data sent as a JSON string, as other clients send it', () => {
    const result = parseClientFrame(JSON.stringify({ event: 'client-typing', channel: 'private-a', data: JSON.stringify({ on: true }) }))
    expect(result).toEqual({ ok: true, frame: { event: 'client-typing', channel: 'private-a', data: { on: true } } })
  })

  it('keeps a data string that is not JSON as a string', () => {
    const result = parseClientFrame(JSON.stringify({ event: 'client-x', channel: 'private-a', data: 'hello' }))
    expect(result.ok && result.frame.data).toBe('hello')
  })

  it('accepts a frame without data or channel', () => {
    expect(parseClientFrame('{"event":"pusher:ping"}')).toEqual({ ok: true, frame: { event: 'pusher:ping', channel: undefined, data: undefined } })
  })

  it.each([
    ['invalid JSON', '{"event":'],
    ['an empty string', ''],
    ['an array', '[{"event":"pusher:ping"}]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a JSON string', '"pusher:ping"'],
    ['a missing event', '{"data":{}}'],
    ['an empty event', '{"event":""}'],
    ['a non-string event', '{"event":7}'],
    ['a non-string channel', '{"event":"client-x","channel":5}'],
    ['a null channel', '{"event":"client-x","channel":null}'],
  ])('rejects %s', (_what, text) => {
    const result = parseClientFrame(text)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/\S/)
  })

  it('never throws on random input and always answers with a well-formed result', () => {
    const inputs = randomStrings(500)
    expect(new Set(inputs).size).toBeGreaterThan(400)
    for (const text of inputs) {
      const result = parseClientFrame(text)
      if (result.ok) {
        expect(result.frame.event).toBeTypeOf('string')
        expect(result.frame.event.length).toBeGreaterThan(0)
      }
      else {
        expect(result.error).toBeTypeOf('string')
      }
    }
  })
})

describe('serverFrame', () => {
  it.each([
    ['an object', { a: 1 }],
    ['an array', [1, 2]],
    ['a number', 3],
    ['null', null],
    ['a boolean', false],
  ])('encodes %s as a JSON string', (_what, data) => {
    const frame = JSON.parse(serverFrame('e', data)) as { data: unknown }
    expect(frame.data).toBeTypeOf('string')
    expect(JSON.parse(frame.data as string)).toEqual(data)
  })

  it('sends a string payload as given, without encoding it twice', () => {
    const frame = JSON.parse(serverFrame('e', '{"a":1}', 'news')) as Record<string, unknown>
    expect(frame).toEqual({ event: 'e', channel: 'news', data: '{"a":1}' })
  })

  it('includes the channel only when given, and extra fields such as user_id', () => {
    expect(JSON.parse(serverFrame('e', {}))).toEqual({ event: 'e', data: '{}' })
    expect(JSON.parse(serverFrame('client-x', '1', 'presence-a', { user_id: 'u1' }))).toEqual({ event: 'client-x', channel: 'presence-a', data: '1', user_id: 'u1' })
  })
})

describe('errorFrame', () => {
  it('is a pusher:error frame with code and message in its data string', () => {
    const frame = JSON.parse(errorFrame(4009, 'nope')) as { event: string, data: string }
    expect(frame.event).toBe('pusher:error')
    expect(JSON.parse(frame.data)).toEqual({ code: 4009, message: 'nope' })
    expect(JSON.parse((JSON.parse(errorFrame(null, 'x')) as { data: string }).data)).toEqual({ code: null, message: 'x' })
  })
})
