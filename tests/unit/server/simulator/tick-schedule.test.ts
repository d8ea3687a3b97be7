// The simulator keeps its rounds on a fixed grid: a slow round neither delays the rest nor causes a burst.
import { describe, expect, it } from 'vitest'
import { TickSchedule } from '../../../../server/simulator/tick-schedule'

describe('TickSchedule', () => {
  it('puts rounds one interval apart from the start when each ends in time', () => {
    const schedule = new TickSchedule(10_000, 1000)
    expect(schedule.next(10_000)).toEqual({ dueMs: 11_000, index: 1, intervals: 1 })
    // The round took 300 ms: the next one still starts on the grid, not 1 000 ms after it ended.
    expect(schedule.next(11_300)).toEqual({ dueMs: 12_000, index: 2, intervals: 1 })
    expect(schedule.next(12_999)).toEqual({ dueMs: 13_000, index: 3, intervals: 1 })
  })

  it('skips the slots a slow round overran and says how many intervals the next round covers', () => {
    const schedule = new TickSchedule(0, 1000)
    schedule.next(0)
    // Round 1 ran from 1 000 to 3 400: slots 2 and 3 passed, the next round is at 4 000 and covers 3 intervals.
    expect(schedule.next(3400)).toEqual({ dueMs: 4000, index: 4, intervals: 3 })
    expect(schedule.next(4100)).toEqual({ dueMs: 5000, index: 5, intervals: 1 })
  })

  it('never hands out a slot twice when the clock is read before the slot just run', () => {
    const schedule = new TickSchedule(0, 1000)
    expect(schedule.next(0).index).toBe(1)
    // A timer may fire a little early: the next round is still the one after.
    expect(schedule.next(995)).toEqual({ dueMs: 2000, index: 2, intervals: 1 })
  })
})
