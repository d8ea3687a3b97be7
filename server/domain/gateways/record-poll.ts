// A Modbus poll's outcome stored like pushed readings: good values in one batch, failed points marked bad with their
// error (their last good value stays), contact when the device answered, and the gateway's poll health.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { ReadingPayload } from '../../../shared/events'
import type { ModbusReadError, ModbusTcpConnection } from '../../../shared/modbus'
import { dataPoints, gateways } from '../../db/schema'
import type { DomainContext } from '../context'
import { markContact } from './contact'
import type { GatewayTransition } from './transitions'
import { pointReadKey, sameDevice } from './modbus-gateways'
import { announceReadings, readingItems, storeReadingBatch } from './reading-batch'
import type { ReadingRow } from './resolve-readings'

export interface PolledPoint {
  id: number
  /** pointReadKey of the settings the point was read with. */
  key: string
  value: number | null
  error: ModbusReadError | null
}

export interface PollReport {
  gatewayId: number
  /** The connection polled: the outcome of a device that is no longer the gateway's is dropped. */
  connection: ModbusTcpConnection
  durationMs: number
  /** The device answered at least one request. */
  answered: boolean
  /** Why the poll failed as a whole (no connection); null when it connected. */
  error: ModbusReadError | null
  points: PolledPoint[]
}

/**
 * Stores one poll in one transaction and broadcasts it after commit; false (nothing stored) when the gateway
 * was deleted or pointed elsewhere while the poll ran. Points deleted or changed meanwhile are left out.
 */
export async function recordPoll(ctx: DomainContext, report: PollReport): Promise<boolean> {
  const now = ctx.now()
  const result = await ctx.db.transaction(async (tx) => {
    const [gateway] = await tx.select().from(gateways).where(eq(gateways.id, report.gatewayId)).for('update')
    if (!gateway || gateway.archivedAt || gateway.connection.protocol !== 'modbus-tcp' || !sameDevice(gateway.connection, report.connection)) return null
    const ids = report.points.map(point => point.id)
    const live = ids.length === 0 ? [] : await tx.select().from(dataPoints).where(and(eq(dataPoints.gatewayId, gateway.id), inArray(dataPoints.id, ids), isNull(dataPoints.archivedAt)))
    const current = new Map(live.map(row => [row.id, row]))
    const points = report.points.filter(point => current.get(point.id) && pointReadKey(current.get(point.id)!) === point.key)
    const rows: ReadingRow[] = points.filter(point => point.error === null)
      .map(point => ({ gatewayId: gateway.id, dataPointId: point.id, value: point.value!, quality: 'good', recordedAt: now }))
    await storeReadingBatch(tx, rows)
    const failed = points.filter(point => point.error !== null)
    for (const [message, group] of groupByMessage(failed)) {
      await tx.update(dataPoints).set({ lastQuality: 'bad', lastError: message }).where(inArray(dataPoints.id, group))
    }
    let transition: GatewayTransition | null = null
    if (report.answered) transition = (await markContact(tx, gateway, now)).transition
    const firstError = report.error ?? failed[0]?.error ?? null
    await tx.update(gateways).set({
      pollLastAt: now, pollDurationMs: Math.round(report.durationMs), pollLastError: firstError?.message ?? null,
      pollFailures: firstError ? sql`${gateways.pollFailures} + 1` : 0,
    }).where(eq(gateways.id, gateway.id))
    const items: ReadingPayload['readings'] = [...readingItems(rows), ...staleItems(failed, current)]
    return { items, transition }
  })
  if (!result) return false
  announceReadings(ctx, report.gatewayId, result.items, result.transition)
  return true
}

function groupByMessage(points: PolledPoint[]): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (const point of points) groups.set(point.error!.message, [...groups.get(point.error!.message) ?? [], point.id])
  return groups
}

/** Failed points that have a last good value: it is broadcast again, marked bad, with the error and its own time. */
function staleItems(failed: PolledPoint[], current: Map<number, typeof dataPoints.$inferSelect>): ReadingPayload['readings'] {
  return failed.flatMap((point) => {
    const row = current.get(point.id)!
    if (row.lastValue === null || row.lastReadAt === null) return []
    return [{ dataPointId: point.id, value: row.lastValue, quality: 'bad' as const, recordedAt: row.lastReadAt.toISOString(), error: point.error!.message }]
  })
}
