// Chart lines of a gateway's data points: history from the readings API, extended by live readings, capped.
import type { Quality } from '#shared/events'
import type { Reading } from './data-points'

/** Most points a data point's chart keeps; the oldest go first. */
export const MAX_CHART_POINTS = 1000

/** One chart point (x: ms since the epoch); `quality` is null for downsampled buckets. */
export interface ChartReading {
  x: number
  y: number
  quality: Quality | null
}

/** The readings API answer (raw readings, or avg/min/max buckets for long ranges). */
export interface ReadingHistory {
  dataPointId: number
  resolution: 'raw' | 'bucket'
  points: Array<{ at: string, value: number, quality?: Quality }>
}

/** Chart points of a history answer, oldest first. */
export function historyPoints(history: ReadingHistory): ChartReading[] {
  return history.points.map(point => ({ x: Date.parse(point.at), y: point.value, quality: point.quality ?? null }))
}

/**
 * Merges `incoming` into `line` in time order, skipping a point already there (same time and value: a live
 * reading the history also returned), dropping points before `since` and all but the newest `cap`.
 */
export function mergePoints(line: ChartReading[], incoming: ChartReading[], since: number, cap = MAX_CHART_POINTS): ChartReading[] {
  const seen = new Set(line.map(point => `${point.x}:${point.y}`))
  const added = incoming.filter(point => !seen.has(`${point.x}:${point.y}`))
  const merged = added.length === 0 ? line : [...line, ...added].sort((a, b) => a.x - b.x)
  const kept = merged.filter(point => point.x >= since)
  return kept.length > cap ? kept.slice(kept.length - cap) : kept
}

/** The lines of all data points after `readings` arrived (failed reads left out); lines of other points are kept as they are. */
export function appendReadings(lines: Record<number, ChartReading[]>, readings: Reading[], since: number, cap = MAX_CHART_POINTS): Record<number, ChartReading[]> {
  const byPoint = new Map<number, ChartReading[]>()
  // A failed read carries the last good value again: it is no measurement, so it draws nothing.
  for (const reading of readings) {
    if (reading.error !== undefined) continue
    const points = byPoint.get(reading.dataPointId) ?? byPoint.set(reading.dataPointId, []).get(reading.dataPointId)!
    points.push({ x: Date.parse(reading.recordedAt), y: reading.value, quality: reading.quality })
  }
  const next = { ...lines }
  for (const [id, points] of byPoint) next[id] = mergePoints(lines[id] ?? [], points, since, cap)
  return next
}
