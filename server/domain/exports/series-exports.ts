// Streamed exports of the other time series: a zone's telemetry and a gateway data point's readings, every stored row of the range.
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { afterCursor, keysetPages, PAGE_SIZE } from '../../db/keyset-pages'
import { devices, readings, telemetry } from '../../db/schema'
import type { CsvColumn } from './csv'

export interface TelemetryRow { id: number, recordedAt: Date, deviceId: number, device: string, metric: string, value: number }
export interface ReadingRow { id: number, recordedAt: Date, dataPointId: number, value: number, quality: string }

export const TELEMETRY_COLUMNS: Array<CsvColumn<TelemetryRow>> = [
  { header: 'recordedAt', value: row => row.recordedAt.toISOString() },
  { header: 'deviceId', value: row => row.deviceId },
  { header: 'device', value: row => row.device },
  { header: 'metric', value: row => row.metric },
  { header: 'value', value: row => row.value },
]

export const READING_COLUMNS: Array<CsvColumn<ReadingRow>> = [
  { header: 'recordedAt', value: row => row.recordedAt.toISOString() },
  { header: 'dataPointId', value: row => row.dataPointId },
  { header: 'value', value: row => row.value },
  { header: 'quality', value: row => row.quality },
]

/** Pages of one metric of the zone (of one node when `deviceId` is given) in [from, to], oldest first. */
export function telemetryPages(db: Database, zoneId: number, query: { metric: string, deviceId?: number }, range: { from: Date, to: Date }, pageSize = PAGE_SIZE): AsyncGenerator<TelemetryRow[]> {
  return keysetPages(cursor => db.select({
    id: telemetry.id, recordedAt: telemetry.recordedAt, deviceId: telemetry.deviceId, device: devices.uid, metric: telemetry.metric, value: telemetry.value,
  }).from(telemetry).innerJoin(devices, eq(devices.id, telemetry.deviceId))
    .where(and(
      eq(telemetry.zoneId, zoneId), eq(telemetry.metric, query.metric), gte(telemetry.recordedAt, range.from), lte(telemetry.recordedAt, range.to),
      query.deviceId === undefined ? undefined : eq(telemetry.deviceId, query.deviceId), afterCursor(telemetry.recordedAt, telemetry.id, cursor),
    ))
    .orderBy(asc(telemetry.recordedAt), asc(telemetry.id)).limit(pageSize), row => ({ at: row.recordedAt, id: row.id }), pageSize)
}

/** Pages of one data point's readings in [from, to], oldest first. */
export function readingPages(db: Database, dataPointId: number, range: { from: Date, to: Date }, pageSize = PAGE_SIZE): AsyncGenerator<ReadingRow[]> {
  return keysetPages(cursor => db.select({
    id: readings.id, recordedAt: readings.recordedAt, dataPointId: readings.dataPointId, value: readings.value, quality: readings.quality,
  }).from(readings)
    .where(and(eq(readings.dataPointId, dataPointId), gte(readings.recordedAt, range.from), lte(readings.recordedAt, range.to), afterCursor(readings.recordedAt, readings.id, cursor)))
    .orderBy(asc(readings.recordedAt), asc(readings.id)).limit(pageSize), row => ({ at: row.recordedAt, id: row.id }), pageSize)
}
