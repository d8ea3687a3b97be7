// Breaks in a time series: where samples stopped for longer than a few of their usual intervals, the
// chart gets a null point so chart.js (spanGaps off) draws a gap instead of a line across the silence.
import type { SeriesPoint } from './time-series'

/** A chart point whose `y` is null where the line must break. */
export interface ChartPoint {
  x: number
  y: number | null
}

/** How many usual intervals of silence make a gap. */
export const GAP_FACTOR = 3

/** The usual spacing of a series' samples: the median interval between neighbours (null under 3 points). */
export function typicalInterval(points: SeriesPoint[]): number | null {
  if (points.length < 3) return null
  const intervals = points.slice(1).map((point, index) => point.x - points[index]!.x).sort((a, b) => a - b)
  return intervals[Math.floor(intervals.length / 2)]!
}

/**
 * `points` (sorted by time) with a null point in the middle of every interval longer than GAP_FACTOR
 * times `expectedMs` (by default the series' own typical interval).
 */
export function withGaps(points: SeriesPoint[], expectedMs: number | null = typicalInterval(points)): ChartPoint[] {
  if (expectedMs === null || expectedMs <= 0) return points
  const limit = expectedMs * GAP_FACTOR
  const out: ChartPoint[] = []
  points.forEach((point, index) => {
    const previous = points[index - 1]
    if (previous && point.x - previous.x > limit) out.push({ x: (previous.x + point.x) / 2, y: null })
    out.push(point)
  })
  return out
}
