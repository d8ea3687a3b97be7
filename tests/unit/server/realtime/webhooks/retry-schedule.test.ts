import { describe, expect, it } from 'vitest'
import { RETRY_WINDOW_MS, retriesExhausted, retryDelay } from '../../../../../server/realtime/webhooks/retry-schedule'

describe('retry schedule', () => {
  it('retries the first failure within 10 s and doubles the wait after each further one', () => {
    expect(retryDelay(1)).toBeLessThanOrEqual(10_000)
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1_000, 2_000, 4_000, 8_000])
  })

  it('never waits more than a minute between attempts', () => {
    expect(retryDelay(30)).toBe(60_000)
  })

  it('keeps retrying for at least 5 minutes and gives up once the window has passed', () => {
    expect(RETRY_WINDOW_MS).toBeGreaterThanOrEqual(5 * 60_000)
    expect(retriesExhausted(0, RETRY_WINDOW_MS - 1)).toBe(false)
    expect(retriesExhausted(0, RETRY_WINDOW_MS)).toBe(true)
  })
})
