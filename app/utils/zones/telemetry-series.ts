// Chart series of a zone's telemetry: stored history plus live samples, in a sliding window of bounded size.
import type { TelemetrySample } from '#shared/events'
import type { Series, SeriesPoint, Threshold } from '../../../components/charts/time-series'
import type { Translate } from '../i18n/translate'

/** A chart point that may stand for several samples (a history bucket, or live samples of one slot). */
export interface LivePoint extends SeriesPoint {
  /** How many samples `y` averages. */
  n: number
}

/** Points of one metric by device id. */
export type MetricSeries = Record<number, LivePoint[]>
/** Every metric's series by metric name. */
export type ZoneSeries = Record<string, MetricSeries>

/** A history point as GET /api/zones/{z}/telemetry returns it (a raw sample or a bucket's average). */
export interface HistoryPoint {
  deviceId: number
  at: string
  value: number
  count?: number
}

/** The chart ranges a user picks from; each is labelled by its message `zones.ranges.<key>`. */
export const RANGES = [
  { key: '15m', ms: 15 * 60_000 },
  { key: '1h', ms: 3_600_000 },
  { key: '6h', ms: 6 * 3_600_000 },
  { key: '24h', ms: 86_400_000 },
  { key: '7d', ms: 7 * 86_400_000 },
] as const

export type RangeKey = (typeof RANGES)[number]['key']

/** Points a series aims at over its window: about what a chart is wide, and what the server sends at most. */
export const POINTS_PER_WINDOW = 500
/** Hard limit per series (history and live slots together); beyond it the oldest points go. */
export const MAX_POINTS_PER_SERIES = 2 * POINTS_PER_WINDOW

/** The window length of a range. */
export function rangeMs(key: RangeKey): number {
  return RANGES.find(range => range.key === key)!.ms
}

/** Width of one live slot: samples closer than this are averaged into one point, so a long window stays light. */
export function slotMsFor(windowMs: number): number {
  return Math.max(1000, Math.ceil(windowMs / POINTS_PER_WINDOW))
}

/** One metric's history answer as series by device, oldest first. */
export function historySeries(points: HistoryPoint[]): MetricSeries {
  const byDevice: MetricSeries = {}
  for (const point of points) {
    (byDevice[point.deviceId] ??= []).push({ x: Date.parse(point.at), y: point.value, n: point.count ?? 1 })
  }
  for (const line of Object.values(byDevice)) line.sort((a, b) => a.x - b.x)
  return byDevice
}

/**
 * Adds one sample to a series (returns a new array): points before `from` are dropped; a sample in the
 * same slot as the newest point is averaged into it (weighted by how many samples that point holds),
 * a newer one is appended, an older one (a late report) is put in its place; the oldest points go when
 * the series would exceed MAX_POINTS_PER_SERIES.
 */
export function appendPoint(points: LivePoint[], sample: SeriesPoint, from: number, slotMs: number): LivePoint[] {
  if (sample.x < from) return points
  const kept = points[0] && points[0].x < from ? points.filter(point => point.x >= from) : [...points]
  const last = kept.at(-1)
  if (last && sample.x >= last.x && Math.floor(sample.x / slotMs) === Math.floor(last.x / slotMs)) {
    kept[kept.length - 1] = { x: sample.x, y: (last.y * last.n + sample.y) / (last.n + 1), n: last.n + 1 }
  }
  else if (!last || sample.x >= last.x) kept.push({ ...sample, n: 1 })
  else kept.splice(kept.findIndex(point => point.x > sample.x), 0, { ...sample, n: 1 })
  return kept.length > MAX_POINTS_PER_SERIES ? kept.slice(kept.length - MAX_POINTS_PER_SERIES) : kept
}

/** Adds live samples to the zone's series; only the touched metrics and devices get new arrays. */
export function appendSamples(series: ZoneSeries, samples: TelemetrySample[], from: number, slotMs: number): ZoneSeries {
  if (samples.length === 0) return series
  const next: ZoneSeries = { ...series }
  const copied = new Set<string>()
  for (const sample of samples) {
    if (!copied.has(sample.metric)) {
      next[sample.metric] = { ...next[sample.metric] }
      copied.add(sample.metric)
    }
    const metric = next[sample.metric]!
    metric[sample.deviceId] = appendPoint(metric[sample.deviceId] ?? [], { x: Date.parse(sample.recordedAt), y: sample.value }, from, slotMs)
  }
  return next
}

/** Line colours that read on light and dark backgrounds, one per node in order. */
export const SERIES_COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#64748b']

/** Colour of threshold lines: the same for min and max, they mean the same thing (leaving the safe band). */
export const THRESHOLD_COLOR = '#ef4444'

/** The chart's series of one metric: one line per device, named and coloured after the zone's node list. */
export function chartSeries(metric: MetricSeries, nodes: Array<{ id: number, name: string }>, t: Translate): Series[] {
  return Object.entries(metric)
    .map(([id, points]) => {
      const index = nodes.findIndex(node => node.id === Number(id))
      return {
        label: index === -1 ? t('zones.nodeFallback', { id }) : nodes[index]!.name,
        color: SERIES_COLORS[(index === -1 ? Number(id) : index) % SERIES_COLORS.length]!,
        points,
      }
    })
    .filter(line => line.points.length > 0)
}

/** Colour of a target line: where the zone should be, as opposed to where it must not go. */
export const TARGET_COLOR = '#16a34a'

/** Min and max lines of a metric's thresholds, and its target (dotted) beside them, for the chart, labelled in `t`'s language. */
export function thresholdLines(bounds: { min?: number, max?: number } | undefined, target: number | undefined, t: Translate): Threshold[] {
  const lines: Threshold[] = []
  if (target !== undefined) lines.push({ label: t('zones.telemetry.target', { value: target }), value: target, color: TARGET_COLOR, dash: [2, 3] })
  if (bounds?.min !== undefined) lines.push({ label: t('zones.telemetry.min', { value: bounds.min }), value: bounds.min, color: THRESHOLD_COLOR })
  if (bounds?.max !== undefined) lines.push({ label: t('zones.telemetry.max', { value: bounds.max }), value: bounds.max, color: THRESHOLD_COLOR })
  return lines
}

/** The shortest window a chart shrinks to when its data is younger than the range. */
export const MIN_WINDOW_MS = 5 * 60_000

/**
 * Where a zone's charts start: `rangeMs` before `now`; or, when the zone's first point (`firstAt`) came
 * well after that (a fresh installation, a new zone), at that point, so a few minutes of data are not
 * squeezed into the right edge of the window. Never less than MIN_WINDOW_MS before `now`.
 */
export function windowStart(now: number, rangeMs: number, firstAt: number | null): number {
  const full = now - rangeMs
  // Up to a tenth of the range is the ordinary wait for the window's first sample: no shrinking for that.
  if (firstAt === null || firstAt - full <= rangeMs / 10) return full
  return Math.max(full, Math.min(firstAt, now - MIN_WINDOW_MS))
}

/** The time of the first point over all metrics and devices of a zone (null without points). */
export function firstPointAt(series: ZoneSeries): number | null {
  let first: number | null = null
  for (const metric of Object.values(series)) {
    for (const points of Object.values(metric)) {
      if (points[0] && (first === null || points[0].x < first)) first = points[0].x
    }
  }
  return first
}
