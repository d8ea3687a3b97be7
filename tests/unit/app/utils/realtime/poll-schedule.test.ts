import { describe, expect, it } from 'vitest'
import { pollDelay } from '../../../../../app/utils/realtime/poll-schedule'

describe('pollDelay', () => {
  it('waits 5 s before each of the first three polls (tries 0 to 2)', () => {
    expect([0, 1, 2].map(pollDelay)).toEqual([5000, 5000, 5000])
  })

  it('waits 10 s from the fourth to the ninth poll (tries 3 to 8)', () => {
    expect([3, 4, 5, 6, 7, 8].map(pollDelay)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000])
  })

  it('waits 30 s from the tenth poll on (tries 9 and more)', () => {
    expect([9, 10, 50, 10_000].map(pollDelay)).toEqual([30_000, 30_000, 30_000, 30_000])
  })
})
