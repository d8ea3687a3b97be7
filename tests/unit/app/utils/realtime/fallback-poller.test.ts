import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FallbackPoller } from '../../../../../app/utils/realtime/fallback-poller'

describe('FallbackPoller', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('polls at once on start(), then not again before 5 s', async () => {
    const poll = vi.fn(async () => true)
    const poller = new FallbackPoller(poll)
    poller.start()
    expect(poller.active).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(1)
    expect(poller.intervalMs).toBe(5000)
    await vi.advanceTimersByTimeAsync(4999)
    expect(poll).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(poll).toHaveBeenCalledTimes(2)
    poller.stop()
  })

  it('then polls on the 5 s / 10 s / 30 s schedule', async () => {
    const times: number[] = []
    const poller = new FallbackPoller(async () => {
      times.push(Date.now())
      return true
    })
    poller.start()
    await vi.advanceTimersByTimeAsync(135_000)
    poller.stop()
    expect(times).toEqual([
      0, // at once
      5000, 10_000, 15_000, // 5 s
      25_000, 35_000, 45_000, 55_000, 65_000, 75_000, // 10 s
      105_000, 135_000, // 30 s
    ])
  })

  it('keeps polling on schedule after failed polls', async () => {
    const poll = vi.fn(async () => Promise.reject(new Error('down')))
    const poller = new FallbackPoller(poll)
    poller.start()
    await vi.advanceTimersByTimeAsync(15_000)
    expect(poll).toHaveBeenCalledTimes(4)
    poller.stop()
  })

  it('stop() ends polling and returns how long it polled, by the injected clock', async () => {
    let clock = 1_000
    const poll = vi.fn(async () => true)
    const poller = new FallbackPoller(poll, () => {}, () => clock)
    poller.start()
    await vi.advanceTimersByTimeAsync(5000)
    expect(poll).toHaveBeenCalledTimes(2)
    clock = 8_500
    expect(poller.stop()).toBe(7_500)
    expect(poller.active).toBe(false)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('stop() without start() returns 0', () => {
    const poller = new FallbackPoller(async () => true)
    expect(poller.stop()).toBe(0)
  })

  it('stop() during a poll in flight plans no further poll', async () => {
    let finish!: (ok: boolean) => void
    const poll = vi.fn(() => new Promise<boolean>((resolve) => {
      finish = resolve
    }))
    const poller = new FallbackPoller(poll)
    poller.start()
    await vi.advanceTimersByTimeAsync(5000)
    poller.stop()
    finish(true)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(poll).toHaveBeenCalledTimes(1)
  })

  it('lastPollOk is null before the first poll, then follows success, failure and rejection', async () => {
    const results: Array<() => Promise<boolean>> = [async () => true, async () => false, async () => Promise.reject(new Error('x')), async () => true]
    const onChange = vi.fn()
    const poller = new FallbackPoller(() => results.shift()!(), onChange)
    poller.start()
    expect(poller.lastPollOk).toBeNull()
    expect(onChange).toHaveBeenCalledTimes(1)
    const seen: Array<boolean | null> = []
    for (const delay of [0, 5000, 5000, 5000]) {
      await vi.advanceTimersByTimeAsync(delay)
      seen.push(poller.lastPollOk)
    }
    expect(seen).toEqual([true, false, false, true])
    expect(onChange).toHaveBeenCalledTimes(5)
    poller.stop()
    expect(onChange).toHaveBeenCalledTimes(6)
  })

  it('start() clears the result of a previous polling period', async () => {
    const poller = new FallbackPoller(async () => false)
    poller.start()
    await vi.advanceTimersByTimeAsync(5000)
    expect(poller.lastPollOk).toBe(false)
    poller.stop()
    poller.start()
    expect(poller.lastPollOk).toBeNull()
    poller.stop()
  })

  it('start() twice does not double-poll or notify twice', async () => {
    const poll = vi.fn(async () => true)
    const onChange = vi.fn()
    const poller = new FallbackPoller(poll, onChange)
    poller.start()
    poller.start()
    expect(onChange).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(5000)
    expect(poll).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(4)
    poller.stop()
  })

  it('restarts the schedule at 5 s after stop() and start()', async () => {
    const poll = vi.fn(async () => true)
    const poller = new FallbackPoller(poll)
    poller.start()
    await vi.advanceTimersByTimeAsync(60_000)
    poller.stop()
    poll.mockClear()
    poller.start()
    await vi.advanceTimersByTimeAsync(15_000)
    expect(poll).toHaveBeenCalledTimes(4)
    poller.stop()
  })

  it('does not double-poll after stop() then start() while a poll is in flight', async () => {
    // The in-flight timer callback only checks `active` after its poll; a new start() makes it
    // true again, so the old callback plans a second timer chain next to the new one.
    let finish: ((ok: boolean) => void) | null = null
    const poll = vi.fn(() => new Promise<boolean>((resolve) => {
      finish = resolve
    }))
    const poller = new FallbackPoller(poll)
    poller.start()
    await vi.advanceTimersByTimeAsync(5000) // poll 1 in flight
    poller.stop() // socket back
    poller.start() // socket down again: next poll due 5 s from now
    finish!(true)
    await vi.advanceTimersByTimeAsync(5000)
    // Expected: poll 1 plus one poll of the new period. Two chains give an extra poll.
    expect(poll).toHaveBeenCalledTimes(2)
    poller.stop()
  })
})
