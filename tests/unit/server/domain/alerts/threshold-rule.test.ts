import { describe, expect, it } from 'vitest'
import type { RuleState } from '../../../../../server/domain/alerts/threshold-rule'
import { warningBounds } from '../../../../../server/domain/alerts/threshold-check'
import { deadbandOf, insideByDeadband, QUIET_PERIOD_MS, stepRule, staysQuiet } from '../../../../../server/domain/alerts/threshold-rule'
import type { ZoneThreshold } from '../../../../../shared/zones'

const T0 = Date.UTC(2026, 5, 1, 8)
const at = (seconds: number) => new Date(T0 + seconds * 1000)
const fresh: RuleState = { breachedSince: null, lastRaisedAt: null }

/** Steps a rule through (seconds, value) samples; returns the actions taken and the last state. */
function run(threshold: ZoneThreshold, samples: Array<[number, number]>, start: RuleState = fresh) {
  let state = start
  let open = false
  const actions: string[] = []
  for (const [seconds, value] of samples) {
    const step = stepRule(threshold, value, at(seconds), state, open)
    state = step.state
    if (step.decision.action === 'raise') open = true
    if (step.decision.action === 'resolve') open = false
    actions.push(step.decision.action)
  }
  return { actions, state }
}

describe('stepRule', () => {
  it('waits the default 30 s before a breach raises', () => {
    expect(run({ max: 7 }, [[0, 8], [29, 8], [30, 8]]).actions).toEqual(['none', 'none', 'raise'])
  })

  it('starts the delay again when the value comes back inside before it ran out', () => {
    expect(run({ max: 7, delaySeconds: 10 }, [[0, 8], [5, 6], [12, 8], [21, 8], [22, 8]]).actions).toEqual(['none', 'none', 'none', 'none', 'raise'])
  })

  it('raises at the first breaching sample with a delay of 0', () => {
    expect(run({ max: 7, delaySeconds: 0 }, [[0, 7], [1, 7.1]]).actions).toEqual(['none', 'raise'])
  })

  it('resolves only once the value is inside by the deadband', () => {
    expect(run({ min: 5, max: 7, delaySeconds: 0, deadband: 0.5 }, [[0, 8], [1, 6.9], [2, 6.6], [3, 6.5]]).actions).toEqual(['raise', 'none', 'none', 'resolve'])
  })

  it('raises at most one alert per quiet period for a flapping value', () => {
    const flapping = Array.from({ length: 40 }, (_, i): [number, number] => [i * 15, i % 2 === 0 ? 8 : 6])
    const { actions } = run({ max: 7, delaySeconds: 0 }, flapping)
    expect(actions.filter(action => action === 'raise')).toHaveLength(1)
    const later = run({ max: 7, delaySeconds: 0 }, [[QUIET_PERIOD_MS / 1000, 8]], { breachedSince: null, lastRaisedAt: at(0) })
    expect(later.actions).toEqual(['raise'])
  })

  it('raises a breach held through the quiet period once the period is over', () => {
    const { actions } = run({ max: 7, delaySeconds: 30 }, [[0, 8], [30, 8], [40, 6], [50, 8], [80, 8], [600, 8], [630, 8]])
    expect(actions).toEqual(['none', 'raise', 'resolve', 'none', 'none', 'none', 'raise'])
  })

  it('takes the severity from the critical bounds when given', () => {
    const step = stepRule({ max: 7, criticalMax: 9, delaySeconds: 0 }, 8.5, at(0), fresh, false)
    expect(step.decision).toEqual({ action: 'raise', breach: { direction: 'above', bound: 7, severity: 'warning' } })
    const critical = stepRule({ max: 7, criticalMax: 9, delaySeconds: 0 }, 9.5, at(0), fresh, false)
    expect(critical.decision).toMatchObject({ breach: { severity: 'critical' } })
  })
})

describe('deadbandOf and insideByDeadband', () => {
  it('defaults to 2 % of the range, or of the one bound', () => {
    expect(deadbandOf({ min: 10, max: 60 })).toBeCloseTo(1)
    expect(deadbandOf({ max: 50 })).toBeCloseTo(1)
    expect(deadbandOf({ min: 10, max: 60, deadband: 3 })).toBe(3)
  })

  it('needs both sides inside by the band', () => {
    expect(insideByDeadband({ min: 10, max: 60 }, 59)).toBe(true)
    expect(insideByDeadband({ min: 10, max: 60 }, 59.5)).toBe(false)
    expect(insideByDeadband({ min: 10, max: 60 }, 10.5)).toBe(false)
  })
})

describe('staysQuiet', () => {
  it('is true exactly where stepRule answers none and keeps the state as it was', () => {
    const thresholds: ZoneThreshold[] = [{ min: 5.5, max: 7 }, { max: 30 }, { min: 0 }, { criticalMin: 1, criticalMax: 9 }]
    const states: RuleState[] = [fresh, { breachedSince: at(-10), lastRaisedAt: null }, { breachedSince: null, lastRaisedAt: at(-60) }]
    let quiet = 0
    for (const threshold of thresholds) {
      for (const value of [-1, 0, 1, 5.5, 6, 7, 7.01, 9, 30, 31]) {
        for (const state of states) {
          for (const open of [false, true]) {
            const step = stepRule(threshold, value, at(0), state, open)
            const unchanged = step.decision.action === 'none' && step.state.breachedSince === state.breachedSince && step.state.lastRaisedAt === state.lastRaisedAt
            if (staysQuiet(warningBounds(threshold), value, state, open)) {
              quiet += 1
              expect(unchanged).toBe(true)
            }
            else if (!open && state.breachedSince === null) expect(unchanged).toBe(false)
          }
        }
      }
    }
    expect(quiet).toBeGreaterThan(10)
  })
})
