// Whether a value breaks a zone's threshold for its metric, how badly, and how that reads to a person.
import type { Severity } from '../../../shared/events'

export interface Threshold {
  min?: number
  max?: number
}

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

/**
 * The breach of `value` against `threshold`, or null inside the range (bounds included). A breach
 * is critical beyond 10 % of the bound past it; a bound of 0 has no 10 % of its own, so the margin
 * is then 10 % of the min..max span, and any breach is critical when there is no span either.
 */
export function checkThreshold(threshold: Threshold | undefined, value: number): Breach | null {
  const min = bound(threshold?.min)
  const max = bound(threshold?.max)
  const margin = (edge: number) => Math.abs(edge) * CRITICAL_MARGIN || (min !== undefined && max !== undefined ? (max - min) * CRITICAL_MARGIN : 0)
  if (max !== undefined && value > max) return { direction: 'above', bound: max, severity: beyond(value - max, margin(max)) ? 'critical' : 'warning' }
  if (min !== undefined && value < min) return { direction: 'below', bound: min, severity: beyond(min - value, margin(min)) ? 'critical' : 'warning' }
  return null
}

/** True when the zone watches this metric at all. */
export function hasThreshold(threshold: Threshold | undefined): boolean {
  return bound(threshold?.min) !== undefined || bound(threshold?.max) !== undefined
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

/** "pH 7.9 above 7.0 in Greenhouse A". */
export function breachMessage(metric: string, value: number, breach: Breach, zoneName: string): string {
  const [shown, limit] = formatValues(value, breach.bound)
  return `${metricLabel(metric)} ${shown} ${breach.direction} ${limit} in ${zoneName}`
}

/** "pH back to 6.8 in Greenhouse A". */
export function recoveryMessage(metric: string, value: number, zoneName: string): string {
  return `${metricLabel(metric)} back to ${formatValues(value)[0]} in ${zoneName}`
}
