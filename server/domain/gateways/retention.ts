// Retention of the readings time series: rows older than the retention setting are deleted.
import { inArray, lt } from 'drizzle-orm'
import { readings } from '../../db/schema'
import type { DomainContext } from '../context'

/** Deletes readings older than `settings.retentionDays`, in batches so no statement holds locks for long; returns how many. */
export async function pruneReadings(ctx: DomainContext, batchSize = 10_000): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.settings.retentionDays * 86_400_000)
  let total = 0
  for (;;) {
    const expired = ctx.db.select({ id: readings.id }).from(readings).where(lt(readings.recordedAt, cutoff)).limit(batchSize)
    const deleted = await ctx.db.delete(readings).where(inArray(readings.id, expired)).returning({ id: readings.id })
    total += deleted.length
    if (deleted.length < batchSize) return total
  }
}
