// Retention of the positions time series: older than settings.retentionDays is deleted.
import { lt } from 'drizzle-orm'
import { positions } from '../../db/schema'
import type { DomainContext } from '../context'

/** Deletes positions older than the retention period; returns how many. Vehicle rows keep their latest. */
export async function prunePositions(ctx: DomainContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.settings.retentionDays * 86_400_000)
  const result: unknown = await ctx.db.delete(positions).where(lt(positions.recordedAt, cutoff))
  // The count without RETURNING every id: node-postgres says rowCount, PGlite affectedRows.
  const { rowCount, affectedRows } = result as { rowCount?: number | null, affectedRows?: number }
  return rowCount ?? affectedRows ?? 0
}
