// A vehicle's track over a time range, thinned evenly so a long range stays drawable.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { VehicleSensors } from '../../../shared/vehicles'
import type { Database } from '../../db/connection'
import { positions } from '../../db/schema'
import type { TrackQuery } from './track-schema'

// A tracker without a fix sends satellites 0 and zero coordinates; HTTP ingest may leave satellites out (null).
const hasFix = sql`coalesce(${positions.satellites}, 1) <> 0 and not (${positions.lat} = 0 and ${positions.lon} = 0)`

/** Most points a track answer holds. */
export const MAX_TRACK_POINTS = 5000

/** The default range: this long before `to`. */
export const DEFAULT_TRACK_MS = 60 * 60_000

export interface TrackAnswer {
  from: string
  to: string
  /** Positions in the range before thinning. */
  total: number
  points: Array<{ lat: number, lon: number, speed: number, course: number, altitude: number | null, satellites: number | null, sensors: VehicleSensors | null, recordedAt: string }>
}

/** The range a track query asks for: `to` defaults to now, `from` to an hour before `to`. */
export function trackRange(query: Pick<TrackQuery, 'from' | 'to'>, now: Date): { from: Date, to: Date } {
  const to = query.to ? new Date(query.to) : now
  return { from: query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_TRACK_MS), to }
}

/**
 * Positions of the vehicle in [from, to], oldest first. With more than `cap` of them, `cap` points are
 * kept, evenly spread and always including the first and the last, chosen in the database. Records
 * without a GPS fix (satellites 0, or zero coordinates) are no place the vehicle was: they are left out.
 */
export async function vehicleTrack(db: Database, vehicleId: number, query: Pick<TrackQuery, 'from' | 'to'>, now: Date, cap = MAX_TRACK_POINTS): Promise<TrackAnswer> {
  const { from, to } = trackRange(query, now)
  const numbered = db.select({
    lat: positions.lat, lon: positions.lon, speed: positions.speed, course: positions.course,
    altitude: positions.altitude, satellites: positions.satellites, sensors: positions.sensors, recordedAt: positions.recordedAt,
    k: sql<number>`(row_number() over (order by ${positions.recordedAt}, ${positions.id}) - 1)::int`.as('k'),
    total: sql<number>`(count(*) over ())::int`.as('total'),
  }).from(positions)
    .where(and(eq(positions.vehicleId, vehicleId), gte(positions.recordedAt, from), lte(positions.recordedAt, to), hasFix))
    .as('numbered')
  // Keeps row k when floor(k·(cap−1)/(total−1)) steps up at k: exactly `cap` rows, the first and the last among them.
  const step = Math.max(cap - 1, 1)
  const rows = await db.select().from(numbered).where(sql`${numbered.total} <= ${cap} or ${numbered.k} = 0
    or (${numbered.k}::bigint * ${step}) / (${numbered.total} - 1) <> ((${numbered.k}::bigint - 1) * ${step}) / (${numbered.total} - 1)`)
    .orderBy(asc(numbered.k))
  return {
    from: from.toISOString(), to: to.toISOString(), total: rows[0]?.total ?? 0,
    points: rows.map(({ k: _k, total: _total, recordedAt, ...point }) => ({ ...point, recordedAt: recordedAt.toISOString() })),
  }
}
