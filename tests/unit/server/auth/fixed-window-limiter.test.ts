import { describe, expect, it } from 'vitest'
import { FixedWindowLimiter } from '../../../../server/auth/fixed-window-limiter'

const T0 = 1_700_000_000_000

function hits(limiter: FixedWindowLimiter, key: string, count: number, now: number) {
  return Array.from({ length: count }, () => limiter.hit(key, now))
}

describe('FixedWindowLimiter', () => {
  it('allows perMinute hits in a window and refuses the next with a Retry-After', () => {
    const limiter = new FixedWindowLimiter(3)
    expect(hits(limiter, 'ip:1', 3, T0)).toEqual([
      { allowed: true, retryAfter: 0 },
      { allowed: true, retryAfter: 0 },
      { allowed: true, retryAfter: 0 },
    ])
    const refused = limiter.hit('ip:1', T0 + 1_000)
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1)
    expect(refused.retryAfter).toBeLessThanOrEqual(60)
    expect(refused.retryAfter).toBe(59)
  })

  it('counts down the Retry-After to the end of the window, never below 1 s', () => {
    const limiter = new FixedWindowLimiter(1)
    limiter.hit('k', T0)
    expect(limiter.hit('k', T0).retryAfter).toBe(60)
    expect(limiter.hit('k', T0 + 30_000).retryAfter).toBe(30)
    expect(limiter.hit('k', T0 + 59_001).retryAfter).toBe(1)
    expect(limiter.hit('k', T0 + 59_999).retryAfter).toBe(1)
  })

  it('keeps refusing for the rest of the window', () => {
    const limiter = new FixedWindowLimiter(2)
    hits(limiter, 'k', 2, T0)
    expect(hits(limiter, 'k', 5, T0 + 10_000).every(result => !result.allowed)).toBe(true)
    expect(limiter.hit('k', T0 + 59_999).allowed).toBe(false)
  })

  it('allows again in a new window once 60 s have passed', () => {
    const limiter = new FixedWindowLimiter(2)
    hits(limiter, 'k', 3, T0)
    expect(limiter.hit('k', T0 + 60_000)).toEqual({ allowed: true, retryAfter: 0 })
    expect(limiter.hit('k', T0 + 60_001)).toEqual({ allowed: true, retryAfter: 0 })
    expect(limiter.hit('k', T0 + 60_002).allowed).toBe(false)
  })

  it('counts keys independently', () => {
    const limiter = new FixedWindowLimiter(1)
    expect(limiter.hit('user:1', T0).allowed).toBe(true)
    expect(limiter.hit('user:1', T0).allowed).toBe(false)
    expect(limiter.hit('user:2', T0).allowed).toBe(true)
    expect(limiter.hit('ip:10.0.0.1', T0 + 1).allowed).toBe(true)
    expect(limiter.hit('user:2', T0 + 2).allowed).toBe(false)
  })

  it('honours a custom window length', () => {
    const limiter = new FixedWindowLimiter(1, 10_000)
    limiter.hit('k', T0)
    expect(limiter.hit('k', T0 + 2_500)).toEqual({ allowed: false, retryAfter: 8 })
    expect(limiter.hit('k', T0 + 10_000).allowed).toBe(true)
  })

  it('still limits a key after stale windows of many other keys are forgotten', () => {
    const limiter = new FixedWindowLimiter(1)
    for (let i = 0; i <= 10_001; i++) limiter.hit(`old:${i}`, T0)
    limiter.hit('fresh', T0 + 60_000)
    expect(limiter.hit('fresh', T0 + 60_000).allowed).toBe(false)
    expect(limiter.hit('old:1', T0 + 60_000).allowed).toBe(true)
  })
})
