// The simulator says when it cannot keep its interval, once a period, and stays quiet when it does.
import { describe, expect, it } from 'vitest'
import { RoundPace } from '../../../../server/simulator/round-pace'

describe('RoundPace', () => {
  it('says how many rounds were skipped and the longest round, once the period is over', () => {
    const pace = new RoundPace(1000, 60_000, 0)
    expect(pace.record(400, 1, 1000)).toBeNull()
    expect(pace.record(2500, 1, 3500)).toBeNull()
    expect(pace.record(300, 3, 60_000)).toBe('simulator behind: 2 of 5 rounds skipped in the last 60 s (rounds took up to 2.5 s, interval 1000 ms)')
  })

  it('stays quiet over a period without skipped rounds, and starts counting afresh after each period', () => {
    const pace = new RoundPace(1000, 10_000, 0)
    expect(pace.record(900, 2, 10_000)).toContain('1 of 2 rounds skipped')
    expect(pace.record(200, 1, 15_000)).toBeNull()
    expect(pace.record(200, 1, 20_000)).toBeNull()
  })
})
