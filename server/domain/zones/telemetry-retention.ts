// Retention: raw telemetry older than settings.retentionDays and per-minute rollups older than
// settings.retentionDaysDownsampled are deleted, in slices so no single delete holds locks long.
import { lt, sql } from 'drizzle-orm'
import { telemetry, telemetryMinutely } from '../../db/schema'
import type { DomainContext } from '../context'

/** Rows one delete statement removes at most. */
export const PRUNE_BATCH = 5000

/** Deletes telemetry recorded before now - retentionDays, slice by slice; returns how many rows went. */
export async function pruneTelemetry(ctx: DomainContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.settings.retentionDays * 86_400_000)
  let deleted = 0
  for (;;) {
    const slice = ctx.db.select({ id: telemetry.id }).from(telemetry).where(lt(telemetry.recordedAt, cutoff)).limit(PRUNE_BATCH)
    const gone = await ctx.db.delete(telemetry).where(sql`${telemetry.id} in (${slice})`).returning({ id: telemetry.id })
    deleted += gone.length
    if (gone.length < PRUNE_BATCH) return deleted
  }
}

/** Deletes rollup minutes before now - retentionDaysDownsampled, slice by slice; returns how many rows went. */
export async function pruneTelemetryRollups(ctx: DomainContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.settings.retentionDaysDownsampled * 86_400_000)
  const rollup = telemetryMinutely
  let deleted = 0
  for (;;) {
    // The table has no single-column key: a slice is picked by physical row address (ctid), a TID scan.
    const gone = await ctx.db.delete(rollup).where(sql`ctid = ANY(ARRAY(SELECT ctid FROM ${rollup} WHERE ${rollup.minute} < ${cutoff.toISOString()}::timestamptz LIMIT ${PRUNE_BATCH}))`)
      .returning({ minute: rollup.minute })
    deleted += gone.length
    if (gone.length < PRUNE_BATCH) return deleted
  }
}
