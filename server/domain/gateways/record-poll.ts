// A Modbus poll's outcome stored like pushed readings: good values in one batch, failed points marked bad with their
// error (their last good value stays), contact when the device answered, and the gateway's poll health. Polls of
// many gateways are stored together with one statement per step, whatever their number.
import { and, asc, isNull, sql } from 'drizzle-orm'
import type { FailedReading } from '../../../shared/events'
import type { ModbusReadError, ModbusTcpConnection } from '../../../shared/modbus'
import { arrayParam } from '../../db/bulk-insert'
import { dataPoints, gateways } from '../../db/schema'
import type { DomainContext } from '../context'
import { markContact } from './contact'
import type { GatewayRow } from './find-gateway'
import { pointReadKey, sameDevice } from './modbus-gateways'
import { markPointsBad, storePollHealth } from './poll-health'
import { announceReadings, readingItems, storeReadingBatch } from './reading-batch'
import type { ReadingRow } from './resolve-readings'
import type { GatewayTransition } from './transitions'

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

type PointRow = typeof dataPoints.$inferSelect

/**
 * Stores one poll in one transaction and broadcasts it after commit; false (nothing stored) when the gateway
 * was deleted or pointed elsewhere while the poll ran. Points deleted or changed meanwhile are left out.
 */
export async function recordPoll(ctx: DomainContext, report: PollReport): Promise<boolean> {
  return (await recordPolls(ctx, [report]))[0]!
}

/**
 * Stores polls of distinct gateways in one transaction, then broadcasts each gateway's as recordPoll does; per
 * report, whether it was stored (false: its gateway was deleted or pointed elsewhere meanwhile).
 */
export async function recordPolls(ctx: DomainContext, reports: PollReport[]): Promise<boolean[]> {
  const now = ctx.now()
  const announcements = await ctx.db.transaction(async (tx) => {
    // One lock statement in id order: two batches touching the same gateways cannot deadlock.
    const ids = reports.map(report => report.gatewayId)
    const locked = await tx.select().from(gateways).where(sql`${gateways.id} = ANY(${arrayParam(ids)}::integer[])`).orderBy(asc(gateways.id)).for('update')
    const byId = new Map(locked.map(row => [row.id, row]))
    const kept = reports.filter(report => isCurrent(byId.get(report.gatewayId), report))
    const pointIds = kept.flatMap(report => report.points.map(point => point.id))
    const live = pointIds.length === 0 ? [] : await tx.select().from(dataPoints).where(and(sql`${dataPoints.id} = ANY(${arrayParam(pointIds)}::integer[])`, isNull(dataPoints.archivedAt)))
    const current = new Map(live.map(row => [row.id, row]))
    const polls = kept.map((report) => {
      const points = report.points.filter((point) => {
        const row = current.get(point.id)
        return row !== undefined && row.gatewayId === report.gatewayId && pointReadKey(row) === point.key
      })
      const rows: ReadingRow[] = points.filter(point => point.error === null)
        .map(point => ({ gatewayId: report.gatewayId, dataPointId: point.id, value: point.value!, quality: 'good', recordedAt: now }))
      return { report, gateway: byId.get(report.gatewayId)!, rows, failed: points.filter(point => point.error !== null) }
    })
    await storeReadingBatch(tx, polls.flatMap(poll => poll.rows))
    await markPointsBad(tx, polls.flatMap(poll => poll.failed.map(point => ({ id: point.id, message: point.error!.message }))))
    const transitions = new Map<number, GatewayTransition | null>()
    for (const { report, gateway } of polls) {
      if (report.answered && !gateway.online) transitions.set(gateway.id, (await markContact(tx, gateway, now)).transition)
    }
    await storePollHealth(tx, polls.map(({ report, failed }) => ({
      gatewayId: report.gatewayId, durationMs: report.durationMs, answered: report.answered,
      error: (report.error ?? failed[0]?.error ?? null)?.message ?? null,
    })), now)
    return polls.map(({ report, rows, failed }) => ({
      gatewayId: report.gatewayId, transition: transitions.get(report.gatewayId) ?? null,
      items: [...readingItems(rows), ...failedItems(failed, current, now)],
    }))
  })
  for (const { gatewayId, items, transition } of announcements) announceReadings(ctx, gatewayId, items, transition)
  const stored = new Set(announcements.map(announcement => announcement.gatewayId))
  return reports.map(report => stored.has(report.gatewayId))
}

function isCurrent(gateway: GatewayRow | undefined, report: PollReport): boolean {
  return gateway !== undefined && !gateway.archivedAt && gateway.connection.protocol === 'modbus-tcp' && sameDevice(gateway.connection, report.connection)
}

/** Failed points re-sent marked bad with the error: with their last good value and its time, or null and the poll's time. */
function failedItems(failed: PolledPoint[], current: Map<number, PointRow>, now: Date): FailedReading[] {
  return failed.map((point) => {
    const { lastValue, lastReadAt } = current.get(point.id)!
    const last = lastValue !== null && lastReadAt !== null ? { value: lastValue, at: lastReadAt } : { value: null, at: now }
    return { dataPointId: point.id, value: last.value, quality: 'bad', recordedAt: last.at.toISOString(), error: point.error!.message }
  })
}
