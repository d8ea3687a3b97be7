// The positions path is set-based: a request's statement count does not grow with its vehicles, crossings or
// speeding starts (the simulator sends 1 000 vehicles per request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { seedDemoData } from '../../../../../server/db/demo-data'
import type { QueryOperation } from '../../../../../server/db/query-timing'
import { geozones, vehicles, geoEvents, notifications } from '../../../../../server/db/schema'
import { createEmptyDatabase, tenantId } from '../../test-database'
import { testContext } from '../domain-context'
import { countRows, ingest, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let northwind: number
let fleet: number[]
const statements: QueryOperation[] = []

beforeAll(async () => {
  handle = await createEmptyDatabase(operation => statements.push(operation))
  await seedDemoData(handle.db)
  northwind = await tenantId(handle.db, 'northwind')
  const rows = Array.from({ length: 40 }, (_, i) => ({ tenantId: northwind, name: `Load ${i}`, plate: `LOAD ${i}` }))
  fleet = (await handle.db.insert(vehicles).values(rows).returning({ id: vehicles.id })).map(row => row.id)
  await handle.db.insert(geozones).values([
    { tenantId: northwind, name: 'Yard', shape: { kind: 'polygon', ring: [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01]] } },
    { tenantId: northwind, name: 'Pumps', shape: { kind: 'circle', center: [10.005, 50.005], radiusMeters: 200 } },
  ])
}, 60_000)
afterAll(() => handle.close())

// Each vehicle drives into both geozones at over its limit, then out of both: 4 crossings and 1 speeding start.
function crossings(vehicleIds: number[], start: Date) {
  return {
    positions: vehicleIds.flatMap(vehicleId => [9.99, 10.004, 10.02].map((lon, index) => ({ vehicleId, lat: 50.005, lon, speed: index === 1 ? 120 : 30, at: isoAfter(start, index * 10) }))),
  }
}

async function statementsOf(vehicleIds: number[], start: Date): Promise<QueryOperation[]> {
  const ctx = testContext(handle, {}, start)
  statements.length = 0
  await ingest(ctx, northwind, crossings(vehicleIds, start))
  return [...statements]
}

describe('positions ingest statements', () => {
  it('are the same for 40 vehicles crossing geozones and speeding as for one', async () => {
    const one = await statementsOf(fleet.slice(0, 1), new Date('2026-06-01T08:00:00Z'))
    const events = await countRows(handle.db, geoEvents)
    const forty = await statementsOf(fleet.slice(1), new Date('2026-06-01T09:00:00Z'))
    expect(await countRows(handle.db, geoEvents) - events).toBe(39 * 4)
    expect(await countRows(handle.db, notifications)).toBe(40 * 5 * 3)
    expect(forty).toEqual(one)
    expect(one.length).toBeLessThanOrEqual(16)
  })
})
