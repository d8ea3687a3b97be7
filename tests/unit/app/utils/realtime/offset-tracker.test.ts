import { describe, expect, it } from 'vitest'
import { eventMeta, OffsetTracker, subscriptionMeta } from '../../../../../app/utils/realtime/offset-tracker'

describe('OffsetTracker', () => {
  it('accepts offsets newer than the known position and records them', () => {
    const tracker = new OffsetTracker()
    tracker.reset('a', { epoch: 'e1', offset: 3 })
    expect(tracker.accept('a', 4)).toBe(true)
    expect(tracker.position('a')).toEqual({ epoch: 'e1', offset: 4 })
    expect(tracker.accept('a', 7)).toBe(true)
    expect(tracker.position('a')).toEqual({ epoch: 'e1', offset: 7 })
  })

  it('rejects a duplicate offset and older ones without moving the position', () => {
    const tracker = new OffsetTracker()
    tracker.reset('a', { epoch: 'e1', offset: 3 })
    expect(tracker.accept('a', 5)).toBe(true)
    expect(tracker.accept('a', 5)).toBe(false)
    expect(tracker.accept('a', 4)).toBe(false)
    expect(tracker.accept('a', 3)).toBe(false)
    expect(tracker.accept('a', 0)).toBe(false)
    expect(tracker.position('a')).toEqual({ epoch: 'e1', offset: 5 })
  })

  it('keeps each channel independent', () => {
    const tracker = new OffsetTracker()
    tracker.reset('a', { epoch: 'ea', offset: 10 })
    tracker.reset('b', { epoch: 'eb', offset: 1 })
    expect(tracker.accept('b', 2)).toBe(true)
    expect(tracker.accept('a', 2)).toBe(false)
    expect(tracker.position('a')).toEqual({ epoch: 'ea', offset: 10 })
    expect(tracker.position('b')).toEqual({ epoch: 'eb', offset: 2 })
  })

  it('accepts any offset for a channel without a known position, since there is nothing to compare with', () => {
    const tracker = new OffsetTracker()
    expect(tracker.position('a')).toBeUndefined()
    expect(tracker.accept('a', 5)).toBe(true)
    expect(tracker.position('a')).toBeUndefined()
  })

  it('reset() sets the position even backwards, and copies it', () => {
    const tracker = new OffsetTracker()
    tracker.reset('a', { epoch: 'e1', offset: 9 })
    const position = { epoch: 'e2', offset: 2 }
    tracker.reset('a', position)
    position.offset = 100
    expect(tracker.position('a')).toEqual({ epoch: 'e2', offset: 2 })
    expect(tracker.accept('a', 3)).toBe(true)
  })

  it('forget() drops the position of that channel only', () => {
    const tracker = new OffsetTracker()
    tracker.reset('a', { epoch: 'e', offset: 5 })
    tracker.reset('b', { epoch: 'e', offset: 5 })
    tracker.forget('a')
    expect(tracker.position('a')).toBeUndefined()
    expect(tracker.accept('a', 1)).toBe(true)
    expect(tracker.accept('b', 1)).toBe(false)
  })
})

describe('eventMeta', () => {
  it('returns the recovery metadata of an event payload', () => {
    expect(eventMeta({ __lookout: { offset: 4, sent_at: 1234 }, id: 1 })).toEqual({ offset: 4, sent_at: 1234 })
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string payload', 'plain text'],
    ['a number payload', 42],
    ['an object without the key', { id: 1 }],
    ['a null meta', { __lookout: null }],
    ['a string offset', { __lookout: { offset: '4', sent_at: 1 } }],
    ['a meta without offset', { __lookout: { sent_at: 1 } }],
    ['a meta that is a number', { __lookout: 4 }],
  ])('returns undefined for %s', (_label, data) => {
    expect(eventMeta(data)).toBeUndefined()
  })
})

describe('subscriptionMeta', () => {
  it('returns the epoch and offset of a subscription confirmation', () => {
    expect(subscriptionMeta({ __lookout: { epoch: 'abc', offset: 0 } })).toEqual({ epoch: 'abc', offset: 0 })
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string payload', '{}'],
    ['an object without the key', { presence: {} }],
    ['a missing epoch', { __lookout: { offset: 3 } }],
    ['a numeric epoch', { __lookout: { epoch: 7, offset: 3 } }],
    ['a missing offset', { __lookout: { epoch: 'abc' } }],
    ['a string offset', { __lookout: { epoch: 'abc', offset: '3' } }],
  ])('returns undefined for %s', (_label, data) => {
    expect(subscriptionMeta(data)).toBeUndefined()
  })
})
