// The day summaries of a tenant's vehicles over a range, one vehicle at a time so a long report streams.
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import type { DaySummary } from '../../../../shared/trips'
import type { Database } from '../../../db/connection'
import { geoEvents, vehicles } from '../../../db/schema'
import { DomainError } from '../../errors'
import { DaySummarizer } from './day-summary'
import type { SummaryQuery } from './summary-query-schema'
import { DEFAULT_SUMMARY_MS } from './summary-query-schema'
import { allOf, detectTrips } from './vehicle-trips'

/** The tenant's live vehicles the query names (all of them when it names none); 422 naming `vehicles` for one that is not the tenant's. */
async function chosenVehicles(db: Database, tenantId: number, ids: number[] | undefined): Promise<Array<{ id: number, name: string, speedLimit: number }>> {
  const rows = await db.select({ id: vehicles.id, name: vehicles.name, speedLimit: vehicles.speedLimit }).from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), isNull(vehicles.archivedAt), ids ? inArray(vehicles.id, ids) : undefined)).orderBy(asc(vehicles.id))
  const unknown = ids?.find(id => !rows.some(row => row.id === id))
  if (unknown !== undefined) throw new DomainError(422, 'vehicles', `unknown vehicle ${unknown}`)
  return rows
}

/** The range a summary query asks for: `to` defaults to now, `from` to 7 days before it. */
export function summaryRange(query: Pick<SummaryQuery, 'from' | 'to'>, now: Date): { from: Date, to: Date } {
  const to = query.to ? new Date(query.to) : now
  return { from: query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_SUMMARY_MS), to }
}

/** The vehicles are checked first (so a bad id fails before anything streams); then their days, vehicle by vehicle. */
export async function vehicleSummaryPages(db: Database, tenantId: number, query: SummaryQuery, now: Date): Promise<AsyncGenerator<DaySummary[]>> {
  const chosen = await chosenVehicles(db, tenantId, query.vehicles)
  const range = summaryRange(query, now)
  return (async function* () {
    for (const vehicle of chosen) {
      const summarizer = new DaySummarizer(query.timeZone, vehicle.speedLimit)
      await allOf(detectTrips(db, vehicle.id, range, now, () => summarizer.listener()))
      const entries = await db.select({ at: geoEvents.at }).from(geoEvents)
        .where(and(eq(geoEvents.vehicleId, vehicle.id), eq(geoEvents.kind, 'enter'), gte(geoEvents.at, range.from), lte(geoEvents.at, range.to)))
      for (const entry of entries) summarizer.geozoneVisit(entry.at.getTime())
      const days = summarizer.result().map(day => ({ vehicleId: vehicle.id, vehicleName: vehicle.name, ...day }))
      if (days.length > 0) yield days
    }
  })()
}
