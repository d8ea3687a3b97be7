// A gateway's data points in the browser: grouped for display, kept current by `reading.new` readings.
import type { ReadingPayload } from '#shared/events'
import type { DataPointView } from '#shared/gateways'

/** A data point as the gateway API returns it. */
export type GatewayDataPoint = DataPointView

export type Reading = ReadingPayload['readings'][number]

/** Points by group name, groups and points in the server's order (group name, then register). */
export function groupDataPoints(points: GatewayDataPoint[]): Array<{ name: string, points: GatewayDataPoint[] }> {
  const sorted = [...points].sort((a, b) => a.group.localeCompare(b.group) || a.register - b.register)
  const groups = new Map<string, GatewayDataPoint[]>()
  for (const point of sorted) {
    const group = groups.get(point.group)
    if (group) group.push(point)
    else groups.set(point.group, [point])
  }
  return [...groups].map(([name, members]) => ({ name, points: members }))
}

/**
 * Moves each point's latest value to its newest reading, unless what it shows is newer: readings replayed
 * after a reconnect, or buffered while a snapshot loaded, never overwrite a later value. A reading with an
 * `error` (a polled point that could not be read) only marks the point bad and says why.
 */
export function applyReadings(points: GatewayDataPoint[], readings: Reading[]): GatewayDataPoint[] {
  const newest = new Map<number, Reading>()
  for (const reading of readings) {
    const seen = newest.get(reading.dataPointId)
    if (!seen || Date.parse(reading.recordedAt) >= Date.parse(seen.recordedAt)) newest.set(reading.dataPointId, reading)
  }
  if (newest.size === 0) return points
  return points.map((point) => {
    const reading = newest.get(point.id)
    if (!reading || (point.lastReadAt !== null && Date.parse(point.lastReadAt) > Date.parse(reading.recordedAt))) return point
    // A failed poll read: the point keeps its last good value and time, marked bad with the error.
    if (reading.error !== undefined) return { ...point, lastQuality: 'bad' as const, lastError: reading.error }
    return { ...point, lastValue: reading.value, lastQuality: reading.quality, lastReadAt: reading.recordedAt, lastError: null }
  })
}

/** Whether readings show the device answering: a value read does; failed reads alone do not (it may be silent). */
export function showsContact(readings: Reading[]): boolean {
  return readings.some(reading => reading.error === undefined)
}

/** Ids of data points the readings name that `points` does not know (added elsewhere since the page loaded). */
export function unknownDataPoints(points: GatewayDataPoint[], readings: Reading[]): number[] {
  const known = new Set(points.map(point => point.id))
  return [...new Set(readings.map(reading => reading.dataPointId).filter(id => !known.has(id)))]
}

/**
 * A value as the page shows it, written by `formatNumber` (the reader's locale, useLocaleFormat().number): at most
 * three decimals, no trailing zeros, no digit grouping (a register value reads like the device's); '—' before the first reading.
 */
export function formatValue(value: number | null, formatNumber: (value: number, options: Intl.NumberFormatOptions) => string): string {
  return value === null ? '—' : formatNumber(value, { maximumFractionDigits: 3, useGrouping: false })
}
