import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventBatcher } from '../../../../../server/realtime/webhooks/event-batcher'
import type { WebhookEvent } from '../../../../../server/realtime/webhooks/webhook-event'

const event = (channel: string): WebhookEvent => ({ name: 'cache_miss', channel })

describe('event batcher', () => {
  let flushed: string[][]
  beforeEach(() => {
    vi.useFakeTimers()
    flushed = []
  })
  afterEach(() => vi.useRealTimers())
  const record = (events: WebhookEvent[]) => flushed.push(events.map(item => item.channel))

  it('hands on each event alone when batching is off', () => {
    const batcher = new EventBatcher(0, record)
    batcher.add(event('a'))
    batcher.add(event('b'))
    expect(flushed).toEqual([['a'], ['b']])
  })

  it('gathers the events of one window into one batch, in order', () => {
    const batcher = new EventBatcher(200, record)
    batcher.add(event('a'))
    vi.advanceTimersByTime(150)
    batcher.add(event('b'))
    expect(flushed).toEqual([])
    vi.advanceTimersByTime(50)
    batcher.add(event('c'))
    vi.advanceTimersByTime(200)
    expect(flushed).toEqual([['a', 'b'], ['c']])
  })

  it('hands on what it holds when drained', () => {
    const batcher = new EventBatcher(1_000, record)
    batcher.add(event('a'))
    batcher.drain()
    batcher.drain()
    expect(flushed).toEqual([['a']])
  })
})
