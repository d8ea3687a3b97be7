// Whether a value breaks a zone's threshold for its metric, how badly, and how that reads to a person.
import type { Severity } from '../../../shared/events'
import type { MessageRef, ServerMessage } from '../../../shared/server-message'
import type { ZoneThreshold } from '../../../shared/zones'
import { serverMessage, term } from '../../i18n/server-message'

export type Threshold = ZoneThreshold

export interface Breach {
  direction: 'above' | 'below'
  bound: number
  severity: Extract<Severity, 'warning' | 'critical'>
}

/** Share of a bound a value may pass it by and still be only a warning. */
const CRITICAL_MARGIN = 0.1

/** Past the margin by more than float noise: 7.7 - 7 is 0.7000000000000002, still exactly 10 % of 7. */
const beyond = (excess: number, margin: number) => excess - margin > 1e-9 * Math.max(1, margin)

const bound = (value: unknown): number | undefined => typeof value === 'number' && Number.isFinite(value) ? value : undefined

/** The bounds past which a value breaks the threshold: min/max, or the critical ones where those are missing. */
export function warningBounds(threshold: Threshold | undefined): { min?: number, max?: number } {
  return { min: bound(threshold?.min) ?? bound(threshold?.criticalMin), max: bound(threshold?.max) ?? bound(threshold?.criticalMax) }
}

/**
 * The breach of `value` against `threshold`, or null inside the range (bounds included). A breach is
 * critical past criticalMin/criticalMax when given; otherwise beyond 10 % of the bound past it (a bound of 0
 * has no 10 % of its own, so the margin is then 10 % of the min..max span, and any breach is critical when
 * there is no span either).
 */
export function checkThreshold(threshold: Threshold | undefined, value: number): Breach | null {
  const { min, max } = warningBounds(threshold)
  const margin = (edge: number) => Math.abs(edge) * CRITICAL_MARGIN || (min !== undefined && max !== undefined ? (max - min) * CRITICAL_MARGIN : 0)
  const criticalMax = bound(threshold?.criticalMax)
  const criticalMin = bound(threshold?.criticalMin)
  if (max !== undefined && value > max) {
    const critical = criticalMax !== undefined ? value > criticalMax : beyond(value - max, margin(max))
    return { direction: 'above', bound: max, severity: critical ? 'critical' : 'warning' }
  }
  if (min !== undefined && value < min) {
    const critical = criticalMin !== undefined ? value < criticalMin : beyond(min - value, margin(min))
    return { direction: 'below', bound: min, severity: critical ? 'critical' : 'warning' }
  }
  return null
}

/** True when the zone watches this metric at all. */
export function hasThreshold(threshold: Threshold | undefined): boolean {
  const { min, max } = warningBounds(threshold)
  return min !== undefined || max !== undefined
}

const LABELS: Record<string, string> = { ph: 'pH', ec: 'EC', co2: 'CO2', vpd: 'VPD', ppfd: 'PPFD' }

/** How a metric is named in messages ('ph' reads as 'pH', 'water_level' as 'water level'). */
export function metricLabel(metric: string): string {
  return LABELS[metric.toLowerCase()] ?? metric.replace(/_/g, ' ')
}

const decimals = (value: number) => (String(value).split('.')[1] ?? '').length

/** Formats numbers alike, with at least one and at most three decimals, so "7.9 above 7.0" lines up. */
export function formatValues(...values: number[]): string[] {
  const places = Math.min(3, Math.max(1, ...values.map(decimals)))
  return values.map(value => value.toFixed(places))
}

/** The metric as a translated word: 'ph' reads 'pH', 'water_level' 'water level' where the catalogue lacks it. */
export function metricTerm(metric: string): MessageRef {
  return term(`messages.metrics.${metric.toLowerCase()}`, metricLabel(metric))
}

/** "pH 7.9 above 7.0 in Greenhouse A". */
export function breachMessage(metric: string, value: number, breach: Breach, zoneName: string): ServerMessage {
  const [shown, limit] = formatValues(value, breach.bound)
  const code = breach.direction === 'above' ? 'messages.alerts.thresholdAbove' : 'messages.alerts.thresholdBelow'
  return serverMessage(code, { metric: metricTerm(metric), value: shown!, limit: limit!, zone: zoneName })
}

/** "pH back to 6.8 in Greenhouse A". */
export function recoveryMessage(metric: string, value: number, zoneName: string): ServerMessage {
  return serverMessage('messages.activity.alertRecovered', { metric: metricTerm(metric), value: formatValues(value)[0]!, zone: zoneName })
}
