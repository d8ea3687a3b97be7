// Test helpers for the gateway domain: fresh gateways with data points, and ingest run the way the route runs it.
import type { z } from 'zod'
import type { Database } from '../../../../../server/db/connection'
import { dataPoints, gateways } from '../../../../../server/db/schema'
import type { DomainContext } from '../../../../../server/domain/context'
import type { IngestOutcome } from '../../../../../server/domain/ingest-outcome'

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
  options: { offlineAfterSeconds?: number, points?: Array<{ register: number, scale: number, label?: string, group?: string }> } = {},
): Promise<TestGateway> {
  made += 1
  const serial = `TEST-GW-${tenantId}-${made}`
  const [gateway] = await db.insert(gateways).values({ tenantId, name: `Test gateway ${made}`, serial, offlineAfterSeconds: options.offlineAfterSeconds ?? 60 }).returning()
  const specs = options.points ?? [{ register: 0, scale: 0.1, label: 'Flow', group: 'Pump' }, { register: 1, scale: 0.01, label: 'Pressure', group: 'Pump' }]
  const rows = await db.insert(dataPoints).values(specs.map(spec => ({
    gatewayId: gateway!.id, register: spec.register, scale: spec.scale, label: spec.label ?? `Register ${spec.register}`, groupName: spec.group ?? 'General',
  }))).returning()
  return { id: gateway!.id, serial, points: Object.fromEntries(rows.map(row => [row.register, row.id])) }
}

type Ingest<I, R> = (ctx: DomainContext, tx: Database, tenantId: number, input: I) => Promise<IngestOutcome<R>>

/** Validates `body` with `schema`, runs `ingest` in one transaction and announces after commit, like defineIngestHandler. */
export async function runIngest<S extends z.ZodType, R>(ctx: DomainContext, tenantId: number, schema: S, ingest: Ingest<z.infer<S>, R>, body: unknown): Promise<R> {
  const input = schema.parse(body)
  const outcome = await ctx.db.transaction(tx => ingest(ctx, tx, tenantId, input))
  outcome.announce(ctx)
  return outcome.response
}
