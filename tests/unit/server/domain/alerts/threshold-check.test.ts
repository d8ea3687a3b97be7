import { describe, expect, it } from 'vitest'
import { breachMessage, checkThreshold, formatValues, metricLabel, recoveryMessage } from '../../../../../server/domain/alerts/threshold-check'

describe('checkThreshold', () => {
  it('finds nothing inside the range, bounds included, nor without a threshold', () => {
    expect(checkThreshold({ min: 5.5, max: 7 }, 6)).toBeNull()
    expect(checkThreshold({ min: 5.5, max: 7 }, 7)).toBeNull()
    expect(checkThreshold({ min: 5.5, max: 7 }, 5.5)).toBeNull()
    expect(checkThreshold(undefined, 100)).toBeNull()
    expect(checkThreshold({}, 100)).toBeNull()
  })

  it('is a warning up to 10 % past the bound and critical beyond', () => {
    expect(checkThreshold({ max: 7 }, 7.7)).toEqual({ direction: 'above', bound: 7, severity: 'warning' })
    expect(checkThreshold({ max: 7 }, 7.71)).toEqual({ direction: 'above', bound: 7, severity: 'critical' })
    expect(checkThreshold({ min: 20 }, 18)).toEqual({ direction: 'below', bound: 20, severity: 'warning' })
    expect(checkThreshold({ min: 20 }, 17.9)).toEqual({ direction: 'below', bound: 20, severity: 'critical' })
  })

  it('uses 10 % of the span for a bound of zero, and calls any breach of a lone zero critical', () => {
    expect(checkThreshold({ min: 0, max: 10 }, -0.5)?.severity).toBe('warning')
    expect(checkThreshold({ min: 0, max: 10 }, -1.5)?.severity).toBe('critical')
    expect(checkThreshold({ min: 0 }, -0.01)?.severity).toBe('critical')
  })

  it('ignores bounds that are not finite numbers', () => {
    expect(checkThreshold({ max: Number.NaN, min: 'x' as unknown as number }, 1e9)).toBeNull()
  })
})

describe('messages', () => {
  it('reads like "pH 7.9 above 7.0 in Greenhouse A"', () => {
    expect(breachMessage('ph', 7.9, { direction: 'above', bound: 7, severity: 'critical' }, 'Greenhouse A').text).toBe('pH 7.9 above 7.0 in Greenhouse A')
    expect(breachMessage('water_level', 12, { direction: 'below', bound: 20, severity: 'critical' }, 'Nursery').text).toBe('water level 12.0 below 20.0 in Nursery')
    expect(recoveryMessage('ph', 6.25, 'Greenhouse A').text).toBe('pH back to 6.25 in Greenhouse A')
  })

  it('keeps the code and parameters, the metric as a catalogue term, so each reader gets their language', () => {
    const message = breachMessage('ph', 7.9, { direction: 'above', bound: 7, severity: 'critical' }, 'Greenhouse A')
    expect(message.code).toBe('messages.alerts.thresholdAbove')
    expect(message.params).toEqual({ metric: { code: 'messages.metrics.ph', text: 'pH' }, value: '7.9', limit: '7.0', zone: 'Greenhouse A' })
    expect(breachMessage('ec', 1, { direction: 'below', bound: 1.5, severity: 'warning' }, 'Nursery').code).toBe('messages.alerts.thresholdBelow')
  })

  it('formats values alike with one to three decimals', () => {
    expect(formatValues(31.25, 30)).toEqual(['31.25', '30.00'])
    expect(formatValues(1 / 3, 1)).toEqual(['0.333', '1.000'])
    expect(metricLabel('EC')).toBe('EC')
  })
})
