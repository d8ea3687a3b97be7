import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, FIRST_DELAY_MS, MAX_DELAY_MS, ReconnectScheduler } from '../../../../../app/utils/realtime/reconnect-scheduler'

describe('backoffDelay', () => {
  it('starts at 3 s and grows by 1.5 per attempt until the 60 s cap', () => {
    const delays = Array.from({ length: 9 }, (_, i) => backoffDelay(i + 1))
    expect(delays).toEqual([3000, 4500, 6750, 10_125, 15_188, 22_781, 34_172, 51_258, 60_000])
    expect(FIRST_DELAY_MS).toBe(3000)
    expect(MAX_DELAY_MS).toBe(60_000)
  })

  it('stays at the cap for late attempts, with no limit on the number of attempts', () => {
    expect(backoffDelay(10)).toBe(60_000)
    expect(backoffDelay(50)).toBe(60_000)
    // 1.5 ** 9999 overflows to Infinity: the cap still applies.
    expect(backoffDelay(10_000)).toBe(60_000)
  })

  it('treats attempt 0 like the first attempt', () => {
    expect(backoffDelay(0)).toBe(3000)
  })
})

describe('ReconnectScheduler', () => {
  let clock: number
  const now = () => clock

  beforeEach(() => {
    vi.useFakeTimers()
    clock = 1_000_000
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('connects after the backoff delay, not before', () => {
    const connect = vi.fn()
    const scheduler = new ReconnectScheduler(connect, now)
    scheduler.scheduleNext()
    vi.advanceTimersByTime(2999)
    expect(connect).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(connect).toHaveBeenCalledTimes(1)
    expect(scheduler.attempts).toBe(1)
  })

  it('uses the growing delay for each following attempt', () => {
    const connect = vi.fn()
    const scheduler = new ReconnectScheduler(connect, now)
    const observed: number[] = []
    for (let i = 0; i < 10; i++) {
      scheduler.scheduleNext()
      observed.push(scheduler.nextAttemptAt! - clock)
      vi.advanceTimersByTime(observed.at(-1)!)
    }
    expect(observed).toEqual([3000, 4500, 6750, 10_125, 15_188, 22_781, 34_172, 51_258, 60_000, 60_000])
    expect(connect).toHaveBeenCalledTimes(10)
    expect(scheduler.attempts).toBe(10)
  })

  it('ignores scheduleNext while an attempt is pending, so only one attempt is in flight', () => {
    const connect = vi.fn()
    const scheduler = new ReconnectScheduler(connect, now)
    scheduler.scheduleNext()
    const plannedAt = scheduler.nextAttemptAt
    clock += 1000
    scheduler.scheduleNext()
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(plannedAt)
    vi.advanceTimersByTime(3000)
    expect(connect).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(120_000)
    expect(connect).toHaveBeenCalledTimes(1)
    expect(scheduler.attempts).toBe(1)
  })

  it('now() connects at once and replaces the pending attempt', () => {
    const connect = vi.fn()
    const scheduler = new ReconnectScheduler(connect, now)
    scheduler.scheduleNext()
    scheduler.now()
    expect(connect).toHaveBeenCalledTimes(1)
    expect(scheduler.nextAttemptAt).toBeNull()
    vi.advanceTimersByTime(120_000)
    expect(connect).toHaveBeenCalledTimes(1)
    expect(scheduler.attempts).toBe(1)
  })

  it('now() counts as an attempt, so the next planned delay is the second step', () => {
    const scheduler = new ReconnectScheduler(vi.fn(), now)
    scheduler.now()
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(clock + 4500)
  })

  it('reset() cancels the pending attempt and restarts the sequence at 3 s', () => {
    const connect = vi.fn()
    const scheduler = new ReconnectScheduler(connect, now)
    for (let i = 0; i < 3; i++) {
      scheduler.scheduleNext()
      vi.advanceTimersByTime(60_000)
    }
    expect(connect).toHaveBeenCalledTimes(3)
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(clock + 10_125)
    scheduler.reset()
    expect(scheduler.attempts).toBe(0)
    expect(scheduler.nextAttemptAt).toBeNull()
    vi.advanceTimersByTime(120_000)
    expect(connect).toHaveBeenCalledTimes(3)
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(clock + 3000)
  })

  it('nextAttemptAt is the injected clock plus the delay while pending, and null once the attempt ran', () => {
    const scheduler = new ReconnectScheduler(vi.fn(), now)
    expect(scheduler.nextAttemptAt).toBeNull()
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(1_003_000)
    vi.advanceTimersByTime(3000)
    expect(scheduler.nextAttemptAt).toBeNull()
    clock = 2_000_000
    scheduler.scheduleNext()
    expect(scheduler.nextAttemptAt).toBe(2_004_500)
  })
})
