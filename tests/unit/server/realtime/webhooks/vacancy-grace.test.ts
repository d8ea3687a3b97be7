import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VacancyGrace } from '../../../../../server/realtime/webhooks/vacancy-grace'

describe('vacancy grace', () => {
  let reported: string[]
  let grace: VacancyGrace
  beforeEach(() => {
    vi.useFakeTimers()
    reported = []
    grace = new VacancyGrace(1_000, (name, channel) => reported.push(`${name} ${channel}`))
  })
  afterEach(() => vi.useRealTimers())

  it('reports occupied at once and vacated once the grace period has passed', () => {
    grace.occupied('a')
    grace.vacated('a')
    expect(reported).toEqual(['channel_occupied a'])
    vi.advanceTimersByTime(1_000)
    expect(reported).toEqual(['channel_occupied a', 'channel_vacated a'])
  })

  it('reports neither change when a channel is re-occupied within the grace period', () => {
    grace.occupied('a')
    grace.vacated('a')
    vi.advanceTimersByTime(500)
    grace.occupied('a')
    vi.advanceTimersByTime(5_000)
    expect(reported).toEqual(['channel_occupied a'])
  })

  it('reports held vacancies at once when flushed', () => {
    grace.vacated('a')
    grace.vacated('b')
    grace.flush()
    expect(reported).toEqual(['channel_vacated a', 'channel_vacated b'])
    vi.advanceTimersByTime(5_000)
    expect(reported).toHaveLength(2)
  })
})
