import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../../server/realtime/rate-limiter'

function takeMany(limiter: RateLimiter, count: number, now: number): boolean[] {
  return Array.from({ length: count }, () => limiter.take(now))
}

describe('RateLimiter', () => {
  it('allows a burst of `rate` tokens at once and refuses the next', () => {
    const limiter = new RateLimiter(5, 0)
    expect(takeMany(limiter, 5, 0)).toEqual([true, true, true, true, true])
    expect(limiter.take(0)).toBe(false)
  })

  it('refills at `rate` tokens per second', () => {
    const limiter = new RateLimiter(10, 0)
    takeMany(limiter, 10, 0)
    expect(limiter.take(99)).toBe(false)
    expect(limiter.take(100)).toBe(true)
    expect(limiter.take(100)).toBe(false)
    expect(takeMany(limiter, 5, 600)).toEqual([true, true, true, true, true])
    expect(limiter.take(600)).toBe(false)
  })

  it('never holds more than `rate` tokens after a long pause', () => {
    const limiter = new RateLimiter(3, 0)
    expect(takeMany(limiter, 4, 60_000)).toEqual([true, true, true, false])
  })

  // The config accepts REVERB_APP_CLIENT_EVENTS_PER_SECOND=0.5 (positive(), not an integer check):
  // such a limiter should allow about one event every 2 s, not none at all.
  it('allows about one event every two seconds at a rate of 0.5 per second', () => {
    const limiter = new RateLimiter(0.5, 0)
    let allowed = 0
    for (let now = 0; now < 10_000; now += 100) if (limiter.take(now)) allowed += 1
    expect(allowed).toBeGreaterThanOrEqual(4)
    expect(allowed).toBeLessThanOrEqual(6)
  })

  // Date.now() can step backwards (NTP); a full bucket should not lose tokens because of it.
  it('keeps a full bucket when the clock steps backwards', () => {
    const limiter = new RateLimiter(10, 10_000)
    expect(limiter.take(9_000)).toBe(true)
  })
})
