// Turns time series and threshold lines into chart.js datasets, so charts stay thin and this stays testable.
import type { ChartDataset } from 'chart.js'
import { withGaps } from './series-gaps'
import type { ChartPoint } from './series-gaps'

export interface SeriesPoint {
  /** Milliseconds since the epoch. */
  x: number
  y: number
}

export interface Series {
  label: string
  points: SeriesPoint[]
  color: string
}

/** A horizontal reference line: a threshold (dashed) or a target (`dash` of its own). */
export interface Threshold {
  label: string
  value: number
  color: string
  dash?: number[]
}

/** The visible time window: the series' own span, or `from`..`to` when given. */
export function timeWindow(series: Series[], from?: number, to?: number): { min: number, max: number } | null {
  const xs = series.flatMap(line => line.points.map(point => point.x))
  const min = from ?? (xs.length ? Math.min(...xs) : undefined)
  const max = to ?? (xs.length ? Math.max(...xs) : undefined)
  return min === undefined || max === undefined ? null : { min, max }
}

/**
 * Datasets for chart.js: one line per series, broken where samples stopped (see series-gaps.ts), and one
 * dashed horizontal line per threshold or target across the window.
 */
export function chartDatasets(series: Series[], thresholds: Threshold[], window: { min: number, max: number } | null): ChartDataset<'line', ChartPoint[]>[] {
  const lines: ChartDataset<'line', ChartPoint[]>[] = series.map(line => ({
    label: line.label,
    data: withGaps([...line.points].sort((a, b) => a.x - b.x)),
    spanGaps: false,
    borderColor: line.color,
    backgroundColor: line.color,
    borderWidth: 1.5,
    // A lone point has no line to show it: it gets a dot.
    pointRadius: line.points.length === 1 ? 3 : 0,
    tension: 0.2,
  }))
  if (!window) return lines
  return lines.concat(thresholds.map(threshold => ({
    label: threshold.label,
    data: [{ x: window.min, y: threshold.value }, { x: window.max, y: threshold.value }],
    borderColor: threshold.color,
    borderDash: threshold.dash ?? [6, 4],
    borderWidth: 1,
    pointRadius: 0,
  })))
}

/**
 * Tick label for a time axis in `locale` (an Intl tag; the browser's own by default): clock time (with seconds for
 * windows up to 5 min), with the date beyond a day.
 */
export function timeTick(ms: number, spanMs: number, locale: string | string[] = []): string {
  const date = new Date(ms)
  if (spanMs > 86_400_000) return date.toLocaleDateString(locale, { month: 'short', day: 'numeric' }) + ' ' + date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
  return date.toLocaleTimeString(locale, spanMs > 300_000 ? { hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
/** Tick spacings a reader counts in: round seconds, minutes, hours and days. */
const TICK_STEPS = [
  ...[1, 2, 5, 10, 15, 30].map(n => n * SECOND), ...[1, 2, 5, 10, 15, 30].map(n => n * MINUTE),
  ...[1, 2, 3, 6, 12].map(n => n * HOUR), ...[1, 2, 7, 14, 28].map(n => n * 24 * HOUR),
]

/**
 * At most `maxCount` tick positions between `min` and `max` on round local times (every 10 min, every
 * 6 h, at midnight ...), rather than chart.js's round numbers of milliseconds (05:56:40, 06:13:20).
 * `offsetMs` is the local time's offset from UTC (east positive).
 */
export function timeTicks(min: number, max: number, maxCount: number, offsetMs = -new Date(min).getTimezoneOffset() * MINUTE): number[] {
  const step = TICK_STEPS.find(candidate => (max - min) / candidate <= maxCount) ?? Math.ceil((max - min) / maxCount)
  const ticks: number[] = []
  for (let local = Math.ceil((min + offsetMs) / step) * step; local - offsetMs <= max; local += step) ticks.push(local - offsetMs)
  return ticks
}
