// Test helpers for the gateway domain: fresh gateways with data points, ingest run the way the route runs it,
// and checking that broadcasts stay on the gateway's own tenant.
import { expect } from 'vitest'
import type { Database } from '../../../../../server/db/connection'
import { dataPoints, gateways } from '../../../../../server/db/schema'
import type { ModbusFunction } from '../../../../../shared/modbus'
import type { DomainContext } from '../../../../../server/domain/context'
import type { HeartbeatResponse } from '../../../../../server/domain/gateways/ingest-heartbeat'
import { ingestHeartbeat } from '../../../../../server/domain/gateways/ingest-heartbeat'
import type { ReadingsIngestResponse } from '../../../../../server/domain/gateways/ingest-readings'
import { ingestReadings } from '../../../../../server/domain/gateways/ingest-readings'
import { heartbeatIngestSchema, readingsIngestSchema } from '../../../../../server/domain/gateways/readings-schema'
import type { Broadcast } from '../domain-context'
import { commitThenAnnounce } from '../domain-context'

let made = 0

export interface TestGateway {
  id: number
  serial: string
  /** Data point id by register. */
  points: Record<number, number>
}

/** A new gateway of `tenantId` (unique serial) with data points; default registers 0 (scale 0.1) and 1 (scale 0.01). */
export async function createGateway(
  db: Database, tenantId: number,
  options: { offlineAfterSeconds?: number, points?: Array<{ register: number, scale: number, label?: string, group?: string, function?: ModbusFunction }> } = {},
): Promise<TestGateway> {
  made += 1
  const serial = `TEST-GW-${tenantId}-${made}`
  const [gateway] = await db.insert(gateways).values({ tenantId, name: `Test gateway ${made}`, serial, offlineAfterSeconds: options.offlineAfterSeconds ?? 60 }).returning()
  const specs = options.points ?? [{ register: 0, scale: 0.1, label: 'Flow', group: 'Pump' }, { register: 1, scale: 0.01, label: 'Pressure', group: 'Pump' }]
  const rows = await db.insert(dataPoints).values(specs.map(spec => ({
    gatewayId: gateway!.id, register: spec.register, function: spec.function, scale: spec.scale, label: spec.label ?? `Register ${spec.register}`, groupName: spec.group ?? 'General',
  }))).returning()
  return { id: gateway!.id, serial, points: Object.fromEntries(rows.map(row => [row.register, row.id])) }
}

/** POST /api/ingest/readings of `tenantId`: validated like the route, ingested in one transaction, announced after commit. */
export async function sendReadings(ctx: DomainContext, tenantId: number, body: unknown): Promise<ReadingsIngestResponse> {
  const input = readingsIngestSchema.parse(body)
  return commitThenAnnounce(ctx, tx => ingestReadings(ctx, tx, tenantId, input))
}

/** POST /api/ingest/heartbeat of `tenantId`, run the same way. */
export async function sendHeartbeat(ctx: DomainContext, tenantId: number, body: unknown): Promise<HeartbeatResponse> {
  const input = heartbeatIngestSchema.parse(body)
  return commitThenAnnounce(ctx, tx => ingestHeartbeat(ctx, tx, tenantId, input))
}

/** Whether `channel` belongs to `tenant` or to one of `gatewayIds`. */
export function isOwnChannel(channel: string, tenant: number, gatewayIds: number[]): boolean {
  return channel.startsWith(`private-tenant.${tenant}.`) || gatewayIds.some(id => channel === `private-gateway.${id}`)
}

/** Expects every broadcast in `sent` on channels of `tenant` or of `gatewayIds` only. */
export function expectOnlyOwnChannels(sent: Broadcast[], tenant: number, gatewayIds: number[]): void {
  for (const item of sent) {
    for (const channel of item.channels) expect(isOwnChannel(channel, tenant, gatewayIds), `${item.event} on ${channel}`).toBe(true)
  }
}
