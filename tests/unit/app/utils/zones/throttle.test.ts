import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttle } from '../../../../../app/utils/zones/throttle'

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and a burst after it once, at the end of the interval', () => {
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    throttled.call()
    expect(run).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 5; i++) throttled.call()
    vi.advanceTimersByTime(999)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(5000)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('never runs more than once per interval under a steady stream of calls', () => {
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    for (let ms = 0; ms < 10_000; ms += 100) {
      throttled.call()
      vi.advanceTimersByTime(100)
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(9)
    expect(run.mock.calls.length).toBeLessThanOrEqual(11)
  })

  it('runs at once again after a quiet interval, and not at all once cancelled', () => {
    const run = vi.fn()
    const throttled = throttle(run, 1000)
    throttled.call()
    vi.advanceTimersByTime(1500)
    throttled.call()
    expect(run).toHaveBeenCalledTimes(2)
    throttled.call()
    throttled.cancel()
    vi.advanceTimersByTime(5000)
    expect(run).toHaveBeenCalledTimes(2)
  })
})
