// Devices fetch the queued commands meant for them; handing a command over marks it 'sent'.
import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm'
import type { CommandPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { commands, devices, zones } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { IngestOutcome } from '../ingest-outcome'
import { announceCommand, toCommandPayload } from './command-payload'
import { storeTransitions } from './command-transitions'

/** Most commands one fetch hands over; the rest wait for the next fetch. */
export const MAX_PENDING_PER_FETCH = 50

/**
 * Hands over the queued, not yet timed-out commands for a device (by uid: its zone's commands for the
 * whole zone or for that node) or for a zone (by id), marking them 'sent'. Rows another fetch holds are
 * skipped, so two devices polling at once never receive the same command. 422 names `device` or `zone`
 * when it is not the tenant's.
 */
export async function pendingCommands(ctx: DomainContext, tx: Database, tenantId: number, deviceUidOrZone: string | number): Promise<IngestOutcome<{ data: CommandPayload[] }>> {
  const now = ctx.now()
  const target = await targetOf(tx, tenantId, deviceUidOrZone)
  if (target.zoneId === null) return { response: { data: [] }, announce: () => {} }
  const queued = await tx.select({ id: commands.id }).from(commands)
    .where(and(
      eq(commands.tenantId, tenantId), eq(commands.zoneId, target.zoneId), eq(commands.status, 'queued'),
      target.deviceId === null ? undefined : or(isNull(commands.deviceId), eq(commands.deviceId, target.deviceId)),
      or(isNull(commands.timeoutAt), gt(commands.timeoutAt, now)),
    ))
    .orderBy(asc(commands.id)).limit(MAX_PENDING_PER_FETCH).for('update', { skipLocked: true })
  if (queued.length === 0) return { response: { data: [] }, announce: () => {} }
  const sent = await tx.update(commands).set({ status: 'sent', updatedAt: now })
    .where(and(inArray(commands.id, queued.map(row => row.id)), eq(commands.status, 'queued'))).returning()
  sent.sort((a, b) => a.id - b.id)
  await storeTransitions(tx, sent.map(row => ({ commandId: row.id, status: 'sent' as const, detail: `fetched by ${target.name}`, at: now })))
  const payloads = sent.map(toCommandPayload)
  return { response: { data: payloads }, announce: ctx => payloads.forEach(command => announceCommand(ctx, command)) }
}

async function targetOf(tx: Database, tenantId: number, deviceUidOrZone: string | number): Promise<{ zoneId: number | null, deviceId: number | null, name: string }> {
  if (typeof deviceUidOrZone === 'string') {
    const [device] = await tx.select().from(devices).where(and(eq(devices.tenantId, tenantId), eq(devices.uid, deviceUidOrZone), isNull(devices.archivedAt)))
    if (!device) throw new DomainError(422, 'device', `unknown device "${deviceUidOrZone}"`)
    return { zoneId: device.zoneId, deviceId: device.id, name: `device ${device.uid}` }
  }
  const [zone] = await tx.select({ id: zones.id }).from(zones).where(and(eq(zones.tenantId, tenantId), eq(zones.id, deviceUidOrZone)))
  if (!zone) throw new DomainError(422, 'zone', `unknown zone ${deviceUidOrZone}`)
  return { zoneId: zone.id, deviceId: null, name: `zone ${zone.id}` }
}
