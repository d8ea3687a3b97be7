import { describe, expect, it, vi } from 'vitest'
import type { HistoryEvent, HistoryPage } from '../../../../../shared/realtime-protocol'
import { ChannelRegistry } from '../../../../../app/utils/realtime/channel-registry'
import type { PusherChannelLike, PusherLike, RegistryDeps } from '../../../../../app/utils/realtime/channel-registry'
import { deferred } from '../../../../support/deferred'

type GlobalCallback = (event: string, data: unknown) => void

/** Records subscribe/unsubscribe calls and keeps bind_global callbacks so a test can emit as the socket would. */
class FakePusher implements PusherLike {
  readonly subscribed: string[] = []
  readonly unsubscribed: string[] = []
  /** Member lists of presence channels, mutated in place as pusher-js does. */
  readonly members = new Map<string, Record<string, unknown>>()
  private readonly callbacks = new Map<string, GlobalCallback[]>()

  subscribe(name: string): PusherChannelLike {
    this.subscribed.push(name)
    if (!this.members.has(name)) this.members.set(name, {})
    return {
      members: { members: this.members.get(name)! },
      bind_global: (callback: GlobalCallback) => {
        this.callbacks.set(name, [...(this.callbacks.get(name) ?? []), callback])
      },
    }
  }

  unsubscribe(name: string): void {
    this.unsubscribed.push(name)
    this.callbacks.delete(name)
  }

  emit(channel: string, event: string, data: unknown): void {
    for (const callback of this.callbacks.get(channel) ?? []) callback(event, data)
  }
}

const EPOCH = 'epoch-1'
const CHANNEL = 'private-tenant.1'

/** An event payload as the server sends it: recovery metadata first. */
function payload(offset: number, sentAt = 0): Record<string, unknown> {
  return { __lookout: { offset, sent_at: sentAt }, n: offset }
}

function historyEvent(offset: number, event = 'update', sentAt = 0): HistoryEvent {
  return { offset, event, data: JSON.stringify(payload(offset, sentAt)), sent_at: sentAt }
}

function page(events: HistoryEvent[], overrides: Partial<HistoryPage> = {}): HistoryPage {
  return { channel: CHANNEL, epoch: EPOCH, offset: events.at(-1)?.offset ?? 0, events, gap: false, ...overrides }
}

/** A registry attached to a fake pusher, and a handler on CHANNEL/update that records applied offsets. */
function setup(deps: Partial<RegistryDeps> = {}) {
  const fetchHistory = vi.fn<RegistryDeps['fetchHistory']>(async () => page([]))
  const registry = new ChannelRegistry({ fetchHistory, ...deps })
  const pusher = new FakePusher()
  registry.attach(pusher)
  const applied: number[] = []
  const onGap = vi.fn()
  const unsubscribe = registry.subscribe(CHANNEL, 'update', (data) => {
    applied.push((data as { n: number }).n)
  }, { tag: 'main', onGap })
  return { registry, pusher, fetchHistory: (deps.fetchHistory as typeof fetchHistory | undefined) ?? fetchHistory, applied, onGap, unsubscribe }
}

describe('ChannelRegistry subscriptions', () => {
  it('joins a channel once for two subscribers and leaves it only when the last one unsubscribes', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    const pusher = new FakePusher()
    registry.attach(pusher)
    const first = registry.subscribe('c', 'a', vi.fn(), { tag: 'one' })
    const second = registry.subscribe('c', 'b', vi.fn(), { tag: 'two' })
    expect(pusher.subscribed).toEqual(['c'])

    first()
    expect(pusher.unsubscribed).toEqual([])
    expect(registry.diagnostics().map(d => d.channel)).toEqual(['c'])

    second()
    expect(pusher.unsubscribed).toEqual(['c'])
    expect(registry.diagnostics()).toEqual([])
  })

  it('ignores a second call of the same unsubscribe function', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    const pusher = new FakePusher()
    registry.attach(pusher)
    const first = registry.subscribe('c', 'a', vi.fn(), { tag: 'one' })
    registry.subscribe('c', 'a', vi.fn(), { tag: 'two' })
    first()
    first()
    expect(pusher.unsubscribed).toEqual([])
    expect(registry.diagnostics()[0]!.subscribers).toEqual([{ tag: 'two', event: 'a' }])
  })

  it('subscribes channels created before attach() once a pusher is attached', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    registry.subscribe('c1', 'a', vi.fn(), { tag: 't' })
    registry.subscribe('c2', 'a', vi.fn(), { tag: 't' })
    const pusher = new FakePusher()
    registry.attach(pusher)
    expect(pusher.subscribed).toEqual(['c1', 'c2'])
  })

  it('resubscribes every channel in use on a newly attached pusher, and delivers its events', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    const old = new FakePusher()
    registry.attach(old)
    const handler = vi.fn()
    registry.subscribe('c1', 'a', handler, { tag: 't' })
    registry.subscribe('c2', 'a', vi.fn(), { tag: 't' })
    registry.subscribe('gone', 'a', vi.fn(), { tag: 't' })()

    const fresh = new FakePusher()
    registry.attach(fresh)
    expect(fresh.subscribed).toEqual(['c1', 'c2'])
    fresh.emit('c1', 'a', { x: 1 })
    expect(handler).toHaveBeenCalledWith({ x: 1 }, 'a')
  })

  it('calls a handler only for its own event name', () => {
    const { registry, pusher } = setup()
    const onA = vi.fn()
    const onB = vi.fn()
    registry.subscribe('c', 'a', onA, { tag: 't' })
    registry.subscribe('c', 'b', onB, { tag: 't' })
    pusher.emit('c', 'a', { v: 1 })
    expect(onA).toHaveBeenCalledExactlyOnceWith({ v: 1 }, 'a')
    expect(onB).not.toHaveBeenCalled()
  })

  it('does not hand pusher_internal: events or pusher: errors to handlers', () => {
    const { registry, pusher } = setup()
    const internal = vi.fn()
    const protocol = vi.fn()
    registry.subscribe('c', 'pusher_internal:subscription_succeeded', internal, { tag: 't' })
    registry.subscribe('c', 'pusher:subscription_error', protocol, { tag: 't' })
    pusher.emit('c', 'pusher_internal:subscription_succeeded', {})
    pusher.emit('c', 'pusher:subscription_error', {})
    expect(internal).not.toHaveBeenCalled()
    expect(protocol).not.toHaveBeenCalled()
    expect(registry.diagnostics().find(d => d.channel === 'c')!.lastEventAt).toBeNull()
  })

  it('hands presence notices to subscribers that name them, without touching stream positions', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    const pusher = new FakePusher()
    registry.attach(pusher)
    const added = vi.fn()
    const other = vi.fn()
    registry.subscribe('presence-zone.1', 'pusher:member_added', added, { tag: 'presence' })
    registry.subscribe('presence-zone.1', 'zone.updated', other, { tag: 'zone' })
    pusher.emit('presence-zone.1', 'pusher:member_added', { id: '7', info: { name: 'Ola' } })
    pusher.emit('presence-zone.1', 'pusher:subscription_error', { status: 403 })
    expect(added).toHaveBeenCalledWith({ id: '7', info: { name: 'Ola' } }, 'pusher:member_added')
    expect(other).not.toHaveBeenCalled()
    expect(registry.diagnostics()[0]!.position).toBeNull()
  })

  it('reports the current members of a joined presence channel, and none for an unknown channel', () => {
    const registry = new ChannelRegistry({ fetchHistory: vi.fn() })
    const pusher = new FakePusher()
    registry.attach(pusher)
    registry.subscribe('presence-zone.1', 'pusher:member_added', vi.fn(), { tag: 'presence' })
    pusher.members.get('presence-zone.1')!['7'] = { name: 'Ola' }
    expect(registry.presenceMembers('presence-zone.1')).toEqual({ 7: { name: 'Ola' } })
    expect(registry.presenceMembers('presence-zone.2')).toEqual({})
  })

  it('forgets the stream position when the last subscriber leaves', async () => {
    const { registry, unsubscribe } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 5 })
    unsubscribe()
    registry.subscribe(CHANNEL, 'update', vi.fn(), { tag: 'again' })
    expect(registry.diagnostics()[0]!.position).toBeNull()
  })

  it('ignores a confirmation for a channel nobody subscribed to', async () => {
    const { registry, fetchHistory } = setup()
    await registry.subscribed('unknown', { epoch: EPOCH, offset: 5 })
    expect(fetchHistory).not.toHaveBeenCalled()
    expect(registry.diagnostics().map(d => d.channel)).toEqual([CHANNEL])
  })
})

describe('ChannelRegistry de-duplication', () => {
  it('applies an event once when the socket delivers the same offset twice', async () => {
    const { registry, pusher, applied } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', payload(1))
    pusher.emit(CHANNEL, 'update', payload(1))
    expect(applied).toEqual([1])
  })

  it('applies each offset once whether it comes from the socket, a poll or a catch-up', async () => {
    const { registry, pusher, applied, fetchHistory } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', payload(1))

    fetchHistory.mockResolvedValueOnce(page([historyEvent(1), historyEvent(2)]))
    expect(await registry.poll()).toBe(true)
    expect(applied).toEqual([1, 2])

    fetchHistory.mockResolvedValueOnce(page([historyEvent(2), historyEvent(3)]))
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 3 })
    expect(applied).toEqual([1, 2, 3])

    pusher.emit(CHANNEL, 'update', payload(3))
    pusher.emit(CHANNEL, 'update', payload(2))
    expect(applied).toEqual([1, 2, 3])
  })

  it('always applies events without recovery metadata (nothing to compare)', async () => {
    const { registry, pusher } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    const handler = vi.fn()
    registry.subscribe(CHANNEL, 'plain', handler, { tag: 't' })
    pusher.emit(CHANNEL, 'plain', 'text')
    pusher.emit(CHANNEL, 'plain', 'text')
    expect(handler).toHaveBeenCalledTimes(2)
  })
})

describe('ChannelRegistry catch-up after a reconnect', () => {
  it('does not fetch history on the first confirmation, only remembers the position', async () => {
    const { registry, fetchHistory } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 7 })
    expect(fetchHistory).not.toHaveBeenCalled()
    expect(registry.diagnostics()[0]!.position).toEqual({ epoch: EPOCH, offset: 7 })
  })

  it('does not fetch history when the confirmed offset is not ahead of the known one', async () => {
    const { registry, fetchHistory } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 7 })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 7 })
    expect(fetchHistory).not.toHaveBeenCalled()
  })

  it('applies missed events in order before live events that arrived during the fetch', async () => {
    const pending = deferred<HistoryPage>()
    const fetchHistory = vi.fn<RegistryDeps['fetchHistory']>(() => pending.promise)
    const { registry, pusher, applied } = setup({ fetchHistory })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })

    const catchUp = registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 4 })
    // The catch-up starts on the channel's recovery queue, a microtask later.
    await vi.waitFor(() => expect(fetchHistory).toHaveBeenCalledExactlyOnceWith(CHANNEL, 1, EPOCH))
    pusher.emit(CHANNEL, 'update', payload(5))
    expect(applied).toEqual([])

    pending.resolve(page([historyEvent(2), historyEvent(3), historyEvent(4)]))
    await catchUp
    expect(applied).toEqual([2, 3, 4, 5])

    pusher.emit(CHANNEL, 'update', payload(6))
    expect(applied).toEqual([2, 3, 4, 5, 6])
  })

  it('reports a replay with the number of events to onRecovery', async () => {
    const onRecovery = vi.fn()
    const { registry, fetchHistory } = setup({ onRecovery })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })
    fetchHistory.mockResolvedValueOnce(page([historyEvent(2), historyEvent(3)]))
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 3 })
    expect(onRecovery).toHaveBeenCalledExactlyOnceWith(CHANNEL, 'replayed', 2)
  })

  it('hands a history event whose data is not JSON over as the raw string', async () => {
    const { registry, fetchHistory } = setup()
    const handler = vi.fn()
    registry.subscribe(CHANNEL, 'raw', handler, { tag: 't' })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })
    fetchHistory.mockResolvedValueOnce(page([{ offset: 2, event: 'raw', data: 'not json', sent_at: 0 }]))
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 2 })
    expect(handler).toHaveBeenCalledExactlyOnceWith('not json', 'raw')
  })

  it('on a new epoch calls onGap, resets the position and replays nothing', async () => {
    const onRecovery = vi.fn()
    const { registry, pusher, applied, onGap, fetchHistory } = setup({ onRecovery })
    const otherGap = vi.fn()
    registry.subscribe(CHANNEL, 'other', vi.fn(), { tag: 'other', onGap: otherGap })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 5 })

    await registry.subscribed(CHANNEL, { epoch: 'epoch-2', offset: 2 })
    expect(fetchHistory).not.toHaveBeenCalled()
    expect(onGap).toHaveBeenCalledTimes(1)
    expect(otherGap).toHaveBeenCalledTimes(1)
    expect(onRecovery).toHaveBeenCalledExactlyOnceWith(CHANNEL, 'gap', 0)
    expect(registry.diagnostics()[0]!.position).toEqual({ epoch: 'epoch-2', offset: 2 })

    pusher.emit(CHANNEL, 'update', payload(2))
    pusher.emit(CHANNEL, 'update', payload(3))
    expect(applied).toEqual([3])
  })

  it('calls onGap and continues from the page position when the history page reports a gap', async () => {
    const onRecovery = vi.fn()
    const { registry, pusher, applied, onGap, fetchHistory } = setup({ onRecovery })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })
    fetchHistory.mockResolvedValueOnce(page([historyEvent(9), historyEvent(10)], { gap: true, offset: 10 }))
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 10 })

    expect(onGap).toHaveBeenCalledTimes(1)
    expect(onRecovery).toHaveBeenCalledExactlyOnceWith(CHANNEL, 'gap', 0)
    expect(applied).toEqual([])
    expect(registry.diagnostics()[0]!.position).toEqual({ epoch: EPOCH, offset: 10 })
    pusher.emit(CHANNEL, 'update', payload(10))
    pusher.emit(CHANNEL, 'update', payload(11))
    expect(applied).toEqual([11])
  })

  it('keeps every missed event when a catch-up starts while a poll is in flight', async () => {
    // Socket comes back while a fallback poll is running: the poll and the reconnect catch-up
    // both fetch history for the channel. The second catch-up replaces `entry.held`; the first one
    // finishing flushes the live event and moves the position past events the second fetch brings.
    const pollFetch = deferred<HistoryPage>()
    const reconnectFetch = deferred<HistoryPage>()
    const fetchHistory = vi.fn<RegistryDeps['fetchHistory']>()
      .mockReturnValueOnce(pollFetch.promise)
      .mockReturnValueOnce(reconnectFetch.promise)
    const { registry, pusher, applied } = setup({ fetchHistory })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })

    const poll = registry.poll()
    const catchUp = registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 6 })
    pusher.emit(CHANNEL, 'update', payload(7))
    pollFetch.resolve(page([historyEvent(2), historyEvent(3)]))
    await poll
    reconnectFetch.resolve(page([2, 3, 4, 5, 6].map(offset => historyEvent(offset))))
    await catchUp

    expect(applied).toEqual([2, 3, 4, 5, 6, 7])
  })
})

describe('ChannelRegistry polling', () => {
  it('applies the polled events and returns true', async () => {
    const { registry, applied, fetchHistory } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 3 })
    fetchHistory.mockResolvedValueOnce(page([historyEvent(4), historyEvent(5)]))
    expect(await registry.poll()).toBe(true)
    expect(fetchHistory).toHaveBeenCalledExactlyOnceWith(CHANNEL, 3, EPOCH)
    expect(applied).toEqual([4, 5])
    expect(registry.diagnostics()[0]!.position).toEqual({ epoch: EPOCH, offset: 5 })
  })

  it('returns false and reports a failed recovery when fetchHistory rejects', async () => {
    const onRecovery = vi.fn()
    const { registry, applied, fetchHistory } = setup({ onRecovery })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 3 })
    fetchHistory.mockRejectedValueOnce(new Error('offline'))
    expect(await registry.poll()).toBe(false)
    expect(applied).toEqual([])
    expect(onRecovery).toHaveBeenCalledExactlyOnceWith(CHANNEL, 'failed', 0)
  })

  it('returns false when one channel fails but still applies the others', async () => {
    const { registry, applied, fetchHistory } = setup()
    registry.subscribe('second', 'update', vi.fn(), { tag: 't' })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    await registry.subscribed('second', { epoch: EPOCH, offset: 0 })
    fetchHistory.mockImplementation(async channel => channel === 'second' ? Promise.reject(new Error('down')) : page([historyEvent(1)]))
    expect(await registry.poll()).toBe(false)
    expect(applied).toEqual([1])
  })

  it('asks a never-confirmed channel for its current position only, applies nothing, and catches up from it next time', async () => {
    const { registry, applied, fetchHistory } = setup()
    fetchHistory.mockResolvedValueOnce(page([], { offset: 9 }))
    expect(await registry.poll()).toBe(true)
    expect(fetchHistory).toHaveBeenCalledExactlyOnceWith(CHANNEL, Number.MAX_SAFE_INTEGER, undefined)
    expect(applied).toEqual([])
    fetchHistory.mockResolvedValueOnce(page([historyEvent(10)]))
    expect(await registry.poll()).toBe(true)
    expect(fetchHistory).toHaveBeenLastCalledWith(CHANNEL, 9, EPOCH)
    expect(applied).toEqual([10])
  })

  it('still delivers live events held during a failed fetch', async () => {
    const pending = deferred<HistoryPage>()
    const { registry, pusher, applied } = setup({ fetchHistory: vi.fn(() => pending.promise) })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })
    const poll = registry.poll()
    pusher.emit(CHANNEL, 'update', payload(2))
    expect(applied).toEqual([])
    pending.reject(new Error('offline'))
    expect(await poll).toBe(false)
    expect(applied).toEqual([2])
  })
})

describe('ChannelRegistry diagnostics and latency', () => {
  it('lists each channel with subscriber tags and events, last event time and position', async () => {
    let clock = 50_000
    const { registry, pusher } = setup({ now: () => clock })
    registry.subscribe(CHANNEL, 'alert', vi.fn(), { tag: 'alerts' })
    registry.subscribe('other', 'ping', vi.fn(), { tag: 'pinger' })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    clock = 60_000
    pusher.emit(CHANNEL, 'update', payload(1))

    expect(registry.diagnostics()).toEqual([
      {
        channel: CHANNEL,
        subscribers: [{ tag: 'main', event: 'update' }, { tag: 'alerts', event: 'alert' }],
        lastEventAt: 60_000,
        position: { epoch: EPOCH, offset: 1 },
      },
      { channel: 'other', subscribers: [{ tag: 'pinger', event: 'ping' }], lastEventAt: null, position: null },
    ])
  })

  it('does not update lastEventAt for a dropped duplicate', async () => {
    let clock = 1000
    const { registry, pusher } = setup({ now: () => clock })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', payload(1))
    clock = 2000
    pusher.emit(CHANNEL, 'update', payload(1))
    expect(registry.diagnostics()[0]!.lastEventAt).toBe(1000)
  })

  it('reports the delivery latency from sent_at to onDelivered, using the injected clock', async () => {
    const onDelivered = vi.fn()
    const { registry, pusher } = setup({ now: () => 10_000, onDelivered })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', payload(1, 9_750))
    expect(onDelivered).toHaveBeenCalledExactlyOnceWith(250)
  })

  it('clamps a negative latency (server clock ahead) to 0', async () => {
    const onDelivered = vi.fn()
    const { registry, pusher } = setup({ now: () => 10_000, onDelivered })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', payload(1, 10_500))
    expect(onDelivered).toHaveBeenCalledExactlyOnceWith(0)
  })

  it('reports latency for replayed events too, but not for duplicates or events without metadata', async () => {
    const onDelivered = vi.fn()
    const { registry, pusher, fetchHistory } = setup({ now: () => 10_000, onDelivered })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    fetchHistory.mockResolvedValueOnce(page([historyEvent(1, 'update', 4_000)]))
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 1 })
    pusher.emit(CHANNEL, 'update', payload(1, 9_000))
    pusher.emit(CHANNEL, 'update', { n: 0 })
    expect(onDelivered.mock.calls).toEqual([[6_000]])
  })

  it('reports no latency for an event whose metadata carries no send time', async () => {
    // onDelivered is documented as "for events that carry a send time", but eventMeta() only checks
    // `offset`, so `now - undefined` = NaN reaches onDelivered (and the telemetry buffer).
    const onDelivered = vi.fn()
    const { registry, pusher, applied } = setup({ now: () => 10_000, onDelivered })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    pusher.emit(CHANNEL, 'update', { __lookout: { offset: 1 }, n: 1 })
    expect(applied).toEqual([1])
    expect(onDelivered).not.toHaveBeenCalled()
  })
})

describe('ChannelRegistry readiness', () => {
  it('counts a channel as pending until the server confirms it, and again after a disconnect', async () => {
    const onPendingChange = vi.fn()
    const { registry } = setup({ onPendingChange })
    expect(registry.pendingCount()).toBe(1)
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    expect(registry.pendingCount()).toBe(0)
    registry.disconnected()
    expect(registry.pendingCount()).toBe(1)
    expect(onPendingChange).toHaveBeenCalled()
  })

  it('settles a refused subscription, so a page is not kept from being live by a channel it may not join', () => {
    const { registry, pusher } = setup()
    pusher.emit(CHANNEL, 'pusher:subscription_error', { status: 403 })
    expect(registry.pendingCount()).toBe(0)
  })

  it('tells a subscriber once when its channel is ready: after the confirmation\'s position is taken', async () => {
    const { registry } = setup()
    const onReady = vi.fn()
    registry.subscribe(CHANNEL, 'other', vi.fn(), { tag: 't', onReady })
    expect(onReady).not.toHaveBeenCalled()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 4 })
    expect(onReady).toHaveBeenCalledTimes(1)
    expect(registry.diagnostics()[0]!.position).toEqual({ epoch: EPOCH, offset: 4 })
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 4 })
    expect(onReady).toHaveBeenCalledTimes(1)
  })

  it('tells a subscriber of an already ready channel at once', async () => {
    const { registry } = setup()
    await registry.subscribed(CHANNEL, { epoch: EPOCH, offset: 0 })
    const onReady = vi.fn()
    registry.subscribe(CHANNEL, 'other', vi.fn(), { tag: 't', onReady })
    expect(onReady).toHaveBeenCalledTimes(1)
  })

  it('makes a channel ready from a poll when the socket never connected', async () => {
    const { registry } = setup()
    const onReady = vi.fn()
    registry.subscribe(CHANNEL, 'other', vi.fn(), { tag: 't', onReady })
    await registry.poll()
    expect(onReady).toHaveBeenCalledTimes(1)
  })
})
