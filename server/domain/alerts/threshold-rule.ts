// The honest alert rule of one (zone, node, metric): a breach raises an alert only once it has lasted the
// threshold's delay, the alert resolves only when the value is back inside by the deadband, and a flapping
// value raises at most one alert per rule per quiet period.
import type { ZoneThreshold } from '../../../shared/zones'
import type { Breach } from './threshold-check'
import { checkThreshold, warningBounds } from './threshold-check'

/** Seconds a breach must last by default before it raises an alert. */
export const DEFAULT_DELAY_SECONDS = 30
/** Share of the range a value must come back inside by default before the alert resolves. */
export const DEFAULT_DEADBAND_SHARE = 0.02
/** At most one alert per rule in this long, however often the value crosses the bound. */
export const QUIET_PERIOD_MS = 10 * 60_000

export interface RuleState {
  /** Time of the first sample of the current breach, null while inside. */
  breachedSince: Date | null
  /** When this rule last raised an alert. */
  lastRaisedAt: Date | null
}

export type RuleDecision = { action: 'raise', breach: Breach } | { action: 'resolve' } | { action: 'none' }

/** The deadband of a threshold: its own, else 2 % of max - min, else 2 % of its one bound. */
export function deadbandOf(threshold: ZoneThreshold): number {
  if (typeof threshold.deadband === 'number') return threshold.deadband
  const { min, max } = warningBounds(threshold)
  const span = min !== undefined && max !== undefined ? max - min : Math.abs(min ?? max ?? 0)
  return span * DEFAULT_DEADBAND_SHARE
}

/** True when `value` is back inside the range by at least the deadband. */
export function insideByDeadband(threshold: ZoneThreshold, value: number): boolean {
  const { min, max } = warningBounds(threshold)
  const band = deadbandOf(threshold)
  return (max === undefined || value <= max - band) && (min === undefined || value >= min + band)
}

/**
 * True when a sample of `value` changes nothing for a rule with these warning `bounds`: no alert open, no breach
 * under way, and the value inside. stepRule answers 'none' and the same state then; this answers it without building them.
 */
export function staysQuiet(bounds: { min?: number, max?: number }, value: number, state: RuleState, alertOpen: boolean): boolean {
  return !alertOpen && state.breachedSince === null && !(bounds.max !== undefined && value > bounds.max) && !(bounds.min !== undefined && value < bounds.min)
}

/**
 * What one sample at `at` means for a rule in `state` with or without an open alert, and the rule's next
 * state. Samples of a rule must be stepped in time order.
 */
export function stepRule(threshold: ZoneThreshold, value: number, at: Date, state: RuleState, alertOpen: boolean): { decision: RuleDecision, state: RuleState } {
  const breach = checkThreshold(threshold, value)
  if (alertOpen) {
    if (breach) return { decision: { action: 'none' }, state: { ...state, breachedSince: state.breachedSince ?? at } }
    if (insideByDeadband(threshold, value)) return { decision: { action: 'resolve' }, state: { ...state, breachedSince: null } }
    return { decision: { action: 'none' }, state }
  }
  if (!breach) return { decision: { action: 'none' }, state: { ...state, breachedSince: null } }
  const since = state.breachedSince ?? at
  const delayMs = (threshold.delaySeconds ?? DEFAULT_DELAY_SECONDS) * 1000
  const lasted = at.getTime() - since.getTime() >= delayMs
  const quiet = !state.lastRaisedAt || at.getTime() - state.lastRaisedAt.getTime() >= QUIET_PERIOD_MS
  if (lasted && quiet) return { decision: { action: 'raise', breach }, state: { breachedSince: since, lastRaisedAt: at } }
  return { decision: { action: 'none' }, state: { ...state, breachedSince: since } }
}
