// Set-based inserts store every row as it was given (nulls, times, JSON, quotes), in one statement of any size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq, sql } from 'drizzle-orm'
import { insertMany } from '../../../../server/db/bulk-insert'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { positions, telemetry, telemetryLatest, devices, zones } from '../../../../server/db/schema'
import { createTestDatabase, equipmentOf, tenantId } from '../test-database'

let handle: DatabaseHandle
let tenant: number
let zoneId: number
let deviceId: number
let vehicleId: number

beforeAll(async () => {
  handle = await createTestDatabase()
  tenant = await tenantId(handle.db, 'greenfield')
  const equipment = await equipmentOf(handle.db, tenant)
  zoneId = equipment.zones[0]!
  vehicleId = equipment.vehicles[0]!
  deviceId = (await handle.db.select({ id: devices.id }).from(devices).where(eq(devices.zoneId, zoneId)))[0]!.id
}, 60_000)
afterAll(() => handle.close())

describe('insertMany', () => {
  it('stores 5 000 rows in one call, each with its own value and time', async () => {
    const start = Date.parse('2026-03-01T00:00:00.123Z')
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ tenantId: tenant, zoneId, deviceId, metric: 'bulk_a', value: i / 7, recordedAt: new Date(start + i * 1000) }))
    await insertMany(handle.db, telemetry, rows)
    const stored = await handle.db.select({ value: telemetry.value, recordedAt: telemetry.recordedAt }).from(telemetry).where(eq(telemetry.metric, 'bulk_a')).orderBy(asc(telemetry.recordedAt))
    expect(stored).toHaveLength(5_000)
    expect(stored[4_999]).toEqual({ value: 4_999 / 7, recordedAt: new Date(start + 4_999_000) })
  })

  it('keeps nulls, quotes and JSON exactly as given', async () => {
    const io = { '239': 1, 'note': 'a "quoted", {braced} \\ value' }
    await insertMany(handle.db, positions, [
      { tenantId: tenant, vehicleId, lat: 52.1, lon: 4.1, speed: 0, course: 0, altitude: null, satellites: null, io, recordedAt: new Date('2026-03-01T00:00:00Z') },
      { tenantId: tenant, vehicleId, lat: 52.2, lon: 4.2, speed: 12.5, course: 90, altitude: 3, satellites: 7, io: null, recordedAt: new Date('2026-03-01T00:00:01Z') },
    ])
    const stored = await handle.db.select().from(positions).where(eq(positions.vehicleId, vehicleId)).orderBy(asc(positions.recordedAt))
    expect(stored.map(row => [row.altitude, row.satellites, row.io, row.speed])).toEqual([[null, null, io, 0], [3, 7, null, 12.5]])
  })

  it('applies the ON CONFLICT clause it is given', async () => {
    const upsert = (value: number, at: string) => insertMany(handle.db, telemetryLatest, [{ deviceId, metric: 'bulk_b', zoneId, value, recordedAt: new Date(at) }], sql`
      ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at WHERE ${telemetryLatest}.recorded_at <= excluded.recorded_at`)
    await upsert(1, '2026-03-01T00:00:10Z')
    await upsert(2, '2026-03-01T00:00:20Z')
    await upsert(3, '2026-03-01T00:00:05Z')
    const [latest] = await handle.db.select({ value: telemetryLatest.value }).from(telemetryLatest).where(eq(telemetryLatest.metric, 'bulk_b'))
    expect(latest!.value).toBe(2)
  })

  it('does nothing for no rows', async () => {
    await expect(insertMany(handle.db, zones, [])).resolves.toBeUndefined()
  })
})
