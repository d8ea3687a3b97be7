import { describe, expect, it } from 'vitest'
import { reconnectDelay } from '../../../../../server/devices/modbus/reconnect-backoff'

const settings = { baseMs: 500, maxMs: 60_000 }

describe('Modbus reconnect backoff', () => {
  it('does not wait before the first attempt', () => {
    expect(reconnectDelay(0, settings, () => 0.5)).toBe(0)
  })

  it('doubles per failure, drawn from the upper half of the ceiling', () => {
    expect([1, 2, 3, 4].map(failures => reconnectDelay(failures, settings, () => 0))).toEqual([250, 500, 1000, 2000])
    expect([1, 2, 3, 4].map(failures => reconnectDelay(failures, settings, () => 0.999999))).toEqual([500, 1000, 2000, 4000])
  })

  it('is capped at the maximum however many failures', () => {
    expect(reconnectDelay(40, settings, () => 0.999999)).toBe(60_000)
    expect(reconnectDelay(1000, settings, () => 0)).toBe(30_000)
  })

  it('spreads gateways that failed together over the jitter window', () => {
    let seed = 1
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelay(5, settings, random)))
    expect(delays.size).toBeGreaterThan(40)
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(4000)
  })
})
