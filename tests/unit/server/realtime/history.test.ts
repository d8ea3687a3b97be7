import { describe, expect, it } from 'vitest'
import { EventHistory } from '../../../../server/realtime/history'

/** Publishes one event at `now` the way the publisher does: reserve an offset, then append. */
function record(history: EventHistory, channel: string, now: number, event = 'e'): number {
  const offset = history.nextOffset(channel)
  history.append(channel, { offset, event, data: `{"n":${offset}}`, sent_at: now })
  return offset
}

const offsets = (page: { events: Array<{ offset: number }> }) => page.events.map(event => event.offset)

describe('EventHistory offsets', () => {
  it('start at 1 and increase per channel independently', () => {
    const history = new EventHistory(10, 60_000)
    expect(history.position('a').offset).toBe(0)
    expect([record(history, 'a', 0), record(history, 'a', 0), record(history, 'b', 0), record(history, 'a', 0)]).toEqual([1, 2, 1, 3])
    expect(history.position('a').offset).toBe(3)
    expect(history.position('b').offset).toBe(1)
  })

  it('give each channel log its own epoch', () => {
    const history = new EventHistory(10, 60_000)
    expect(history.position('a').epoch).not.toBe(history.position('b').epoch)
    expect(history.position('a').epoch).toBe(history.position('a').epoch)
  })
})

describe('EventHistory.since', () => {
  it('returns the events after an offset, without a gap', () => {
    const history = new EventHistory(10, 60_000)
    for (let i = 0; i < 4; i++) record(history, 'a', 1000)
    const { epoch } = history.position('a')
    const page = history.since('a', 2, epoch, 1000)
    expect(page).toMatchObject({ channel: 'a', epoch, offset: 4, gap: false })
    expect(offsets(page)).toEqual([3, 4])
    expect(page.events[0]).toEqual({ offset: 3, event: 'e', data: '{"n":3}', sent_at: 1000 })
  })

  it('returns nothing and no gap when the client is up to date', () => {
    const history = new EventHistory(10, 60_000)
    record(history, 'a', 0)
    expect(history.since('a', 1, undefined, 0)).toMatchObject({ events: [], gap: false, offset: 1 })
  })

  it('reports a gap when requested events were evicted by size', () => {
    const history = new EventHistory(2, 60_000)
    for (let i = 0; i < 5; i++) record(history, 'a', 0)
    const missing = history.since('a', 1, undefined, 0)
    expect(offsets(missing)).toEqual([4, 5])
    expect(missing.gap).toBe(true)
    const complete = history.since('a', 3, undefined, 0)
    expect(offsets(complete)).toEqual([4, 5])
    expect(complete.gap).toBe(false)
  })

  it('reports a gap when requested events are older than maxAge', () => {
    const history = new EventHistory(10, 1000)
    record(history, 'a', 0)
    record(history, 'a', 5000)
    expect(history.since('a', 0, undefined, 5500)).toMatchObject({ gap: true })
    expect(offsets(history.since('a', 0, undefined, 5500))).toEqual([2])
    expect(history.since('a', 1, undefined, 5500).gap).toBe(false)
    expect(history.since('a', 0, undefined, 1000).gap).toBe(false)
  })

  it('reports a gap when every requested event has expired', () => {
    const history = new EventHistory(10, 1000)
    record(history, 'a', 0)
    record(history, 'a', 0)
    expect(history.since('a', 0, undefined, 10_000)).toMatchObject({ events: [], gap: true, offset: 2 })
  })

  it('reports a gap, with no events, when the epoch is another log’s', () => {
    const history = new EventHistory(10, 60_000)
    record(history, 'a', 0)
    expect(history.since('a', 0, 'someone-else.1', 0)).toMatchObject({ events: [], gap: true })
    expect(history.since('a', 0, history.position('a').epoch, 0).gap).toBe(false)
  })
})

describe('EventHistory.prune', () => {
  it('drops expired events but keeps fresh ones', () => {
    const history = new EventHistory(10, 1000)
    record(history, 'a', 0)
    record(history, 'a', 2000)
    history.prune(() => false, 2500)
    expect(offsets(history.since('a', 1, undefined, 2500))).toEqual([2])
    expect(history.channelCount).toBe(1)
  })

  it('forgets an idle log when keep() is false, and a recreated log gets a new epoch', () => {
    const history = new EventHistory(10, 1000)
    record(history, 'a', 0)
    const before = history.position('a')
    history.prune(() => false, 5000)
    expect(history.channelCount).toBe(0)
    const after = history.position('a')
    expect(after.offset).toBe(0)
    expect(after.epoch).not.toBe(before.epoch)
    expect(history.since('a', 1, before.epoch, 5000).gap).toBe(true)
  })

  it('keeps an empty log, its epoch and offset, while keep() says the channel is in use', () => {
    const history = new EventHistory(10, 1000)
    record(history, 'a', 0)
    record(history, 'b', 0)
    const before = history.position('a')
    history.prune(channel => channel === 'a', 5000)
    expect(history.channelCount).toBe(1)
    expect(history.position('a')).toEqual(before)
    expect(record(history, 'a', 5000)).toBe(2)
  })

  it('keeps an empty log a poller read within the history age, so a page polling without a socket keeps its epoch', () => {
    const history = new EventHistory(10, 1000)
    const { epoch } = history.since('quiet', Number.MAX_SAFE_INTEGER, undefined, 4500)
    history.prune(() => false, 5000)
    expect(history.since('quiet', 0, epoch, 5000).gap).toBe(false)
    history.prune(() => false, 6001)
    expect(history.channelCount).toBe(0)
  })
})
