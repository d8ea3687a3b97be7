// What a batch of samples means for the threshold rules they touch: each rule (zone, node, metric) is stepped once
// over its own samples in time order, in memory; the raises and resolutions come out in the batch's time order,
// and only the rules whose state moved need writing back.
import type { Breach, Threshold } from './threshold-check'
import { hasThreshold, warningBounds } from './threshold-check'
import type { RuleState } from './threshold-rule'
import { staysQuiet, stepRule } from './threshold-rule'

export interface RuleSample {
  zoneId: number
  deviceId: number
  metric: string
  value: number
  recordedAt: Date
}

export type RuleAction<S> = { sample: S, action: 'raise', breach: Breach } | { sample: S, action: 'resolve' }

export interface RuleDecisions<S> {
  /** Raises and resolutions in time order (the batch's order among equal times). */
  actions: Array<RuleAction<S>>
  /** Rules whose state differs from the one loaded, with their new state. */
  changed: Map<string, { sample: S, state: RuleState }>
}

/** The key of a rule in the maps below. */
export const ruleKey = (rule: { zoneId: number | null, deviceId: number | null, metric: string | null }) => `${rule.zoneId}:${rule.deviceId}:${rule.metric}`

const NO_STATE: RuleState = { breachedSince: null, lastRaisedAt: null }
const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null)

/**
 * Steps every rule of `samples`: `thresholdOf` gives the zone's threshold of a metric (undefined when the zone or
 * threshold is gone), `open` the rules with an open alert, `states` the stored rule states. A rule whose
 * threshold was removed resolves its open alert at its first sample.
 */
export function decideRules<S extends RuleSample>(samples: S[], thresholdOf: (sample: S) => Threshold | undefined | null, open: ReadonlySet<string>, states: ReadonlyMap<string, RuleState>): RuleDecisions<S> {
  // Each rule's samples as their places in `samples`: a batch holds a few rules and many samples.
  const groups = new Map<string, number[]>()
  for (let index = 0; index < samples.length; index++) {
    const key = ruleKey(samples[index]!)
    const group = groups.get(key)
    if (group) group.push(index)
    else groups.set(key, [index])
  }
  const actions: Array<RuleAction<S> & { index: number }> = []
  const changed = new Map<string, { sample: S, state: RuleState }>()
  const time = (index: number) => samples[index]!.recordedAt.getTime()
  for (const [key, group] of groups) {
    const threshold = thresholdOf(samples[group[0]!]!)
    // null: the zone itself is unknown, as before: its samples change nothing.
    if (threshold === null) continue
    let alertOpen = open.has(key)
    const watched = threshold !== undefined && hasThreshold(threshold)
    if (!alertOpen && !watched) continue
    const loaded = states.get(key)
    let state = loaded ?? NO_STATE
    if (!group.every((index, at) => at === 0 || time(group[at - 1]!) <= time(index))) group.sort((a, b) => time(a) - time(b) || a - b)
    const bounds = warningBounds(threshold)
    for (const index of group) {
      const sample = samples[index]!
      if (watched && staysQuiet(bounds, sample.value, state, alertOpen)) continue
      const step = watched ? stepRule(threshold!, sample.value, sample.recordedAt, state, alertOpen) : { decision: { action: 'resolve' } as const, state }
      state = step.state
      if (step.decision.action === 'raise') {
        actions.push({ sample, index, action: 'raise', breach: step.decision.breach })
        alertOpen = true
      }
      else if (step.decision.action === 'resolve' && alertOpen) {
        actions.push({ sample, index, action: 'resolve' })
        alertOpen = false
      }
    }
    const before = loaded ?? NO_STATE
    if (!sameTime(before.breachedSince, state.breachedSince) || !sameTime(before.lastRaisedAt, state.lastRaisedAt)) changed.set(key, { sample: samples[group[0]!]!, state })
  }
  actions.sort((a, b) => a.sample.recordedAt.getTime() - b.sample.recordedAt.getTime() || a.index - b.index)
  return { actions, changed }
}
