// Stepping a batch's threshold rules once per rule gives what stepping sample by sample in time order gives.
import { describe, expect, it } from 'vitest'
import type { RuleSample } from '../../../../../server/domain/alerts/rule-decisions'
import { decideRules, ruleKey } from '../../../../../server/domain/alerts/rule-decisions'
import type { RuleState } from '../../../../../server/domain/alerts/threshold-rule'

const phThreshold = { min: 5.5, max: 7, delaySeconds: 10 }
const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 8, 0, seconds))
const sample = (deviceId: number, seconds: number, value: number, metric = 'ph'): RuleSample => ({ zoneId: 1, deviceId, metric, value, recordedAt: at(seconds) })
const noStates = new Map<string, RuleState>()

describe('decideRules', () => {
  it('raises once a breach has lasted the delay, stepping each rule in time order whatever the batch order', () => {
    const samples = [sample(1, 20, 7.6), sample(2, 0, 6), sample(1, 0, 7.5), sample(1, 10, 7.8)]
    const { actions, changed } = decideRules(samples, () => phThreshold, new Set(), noStates)
    expect(actions.map(action => [action.action, action.sample.deviceId, action.sample.recordedAt])).toEqual([['raise', 1, at(10)]])
    expect(changed.get(ruleKey(sample(1, 0, 0)))!.state).toEqual({ breachedSince: at(0), lastRaisedAt: at(10) })
  })

  it('resolves an open alert only when back inside by the deadband, and lists actions of all rules in time order', () => {
    const open = new Set([ruleKey(sample(1, 0, 0)), ruleKey(sample(2, 0, 0))])
    const samples = [sample(2, 5, 6.2), sample(1, 1, 6.99), sample(1, 3, 6.5)]
    const { actions } = decideRules(samples, () => phThreshold, open, noStates)
    expect(actions.map(action => [action.action, action.sample.deviceId, action.sample.recordedAt])).toEqual([['resolve', 1, at(3)], ['resolve', 2, at(5)]])
  })

  it('writes back no rule whose state did not move, and none for metrics without a threshold', () => {
    const { actions, changed } = decideRules([sample(1, 0, 6), sample(1, 1, 6.1), sample(1, 2, 40, 'temperature')], s => (s.metric === 'ph' ? phThreshold : undefined), new Set(), noStates)
    expect(actions).toEqual([])
    expect(changed.size).toBe(0)
  })

  it('resolves the open alert of a rule whose threshold was removed at its first sample, and ignores unknown zones', () => {
    const open = new Set([ruleKey(sample(1, 0, 0))])
    const samples = [sample(1, 4, 9), sample(1, 2, 9), { ...sample(3, 1, 9), zoneId: 99 }]
    const { actions } = decideRules(samples, s => (s.zoneId === 99 ? null : undefined), open, noStates)
    expect(actions.map(action => [action.action, action.sample.recordedAt])).toEqual([['resolve', at(2)]])
  })
})
