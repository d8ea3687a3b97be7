import { beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents, geoEvents, geozones, vehicleGeozones } from '../../../../../server/db/schema'
import { createGeozone, deleteGeozone, updateGeozone } from '../../../../../server/domain/geozones/geozone-admin'
import { DELETED_GEOZONE_NAME, listGeoEvents, listGeozones } from '../../../../../server/domain/geozones/geozone-queries'
import type { TestContext } from '../domain-context'
import { rejection } from '../domain-context'
import { demoActor, useDemoDatabase } from '../../test-database'
import { countRows, freshVehicleContext, ingest } from '../vehicles/vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let greenfield: number
let trucks: number[]

const yard = { name: 'Depot yard', shape: { kind: 'polygon' as const, ring: [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01]] as Array<[number, number]> } }

/** The 403 DomainError `work` rejects with. */
const refusal = (work: Promise<unknown>) => rejection(work, 403)

async function operatorYard(): Promise<number> {
  return (await createGeozone(ctx, await demoActor(handle.db, 'operator', 'northwind'), northwind, yard)).id
}

useDemoDatabase(demo => ({ handle, northwind, greenfield, trucks } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

describe('createGeozone', () => {
  it('lets an operator create a geozone in their tenant, recorded and announced in the activity feed', async () => {
    const operator = await demoActor(handle.db, 'operator', 'northwind')
    const created = await createGeozone(ctx, operator, northwind, { ...yard, color: '#ff0000' })
    expect(created).toMatchObject({ tenantId: northwind, name: 'Depot yard', shape: yard.shape, color: '#ff0000', createdAt: ctx.now().toISOString() })
    const activity = await handle.db.select().from(activityEvents)
    expect(activity).toMatchObject([{ tenantId: northwind, kind: 'geozone.created', actorUserId: operator.user.id, subject: { geozoneId: created.id } }])
    expect(ctx.broadcaster.sent.map(item => [item.event, item.channels])).toEqual([['event.created', [`private-tenant.${northwind}.events`]]])
  })

  it('refuses a viewer with 403 and stores nothing', async () => {
    const error = await refusal(createGeozone(ctx, await demoActor(handle.db, 'viewer', 'northwind'), northwind, yard))
    expect(error.message).toContain('command')
    expect(await handle.db.select().from(geozones)).toEqual([])
    await expect(countRows(handle.db, activityEvents)).resolves.toBe(0)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('refuses an operator of another tenant with 403', async () => {
    await refusal(createGeozone(ctx, await demoActor(handle.db, 'operator', 'greenfield'), northwind, yard))
    expect(await handle.db.select().from(geozones)).toEqual([])
  })

  it('refuses an admin\'s token without the command ability', async () => {
    await refusal(createGeozone(ctx, await demoActor(handle.db, 'admin', 'northwind', { abilities: ['read', 'ingest'] }), northwind, yard))
  })
})

describe('updateGeozone', () => {
  it('changes the given fields and keeps the others', async () => {
    const id = await operatorYard()
    const admin = await demoActor(handle.db, 'admin', 'northwind')
    const updated = await updateGeozone(ctx, admin, id, { name: 'Yard', shape: { kind: 'circle', center: [10, 50], radiusMeters: 250 } })
    expect(updated).toMatchObject({ id, name: 'Yard', shape: { kind: 'circle', radiusMeters: 250 }, color: '#2563eb' })
    const kinds = await handle.db.select({ kind: activityEvents.kind }).from(activityEvents).orderBy(asc(activityEvents.id))
    expect(kinds.map(row => row.kind)).toEqual(['geozone.created', 'geozone.updated'])
  })

  it('refuses a viewer and another tenant\'s operator alike, leaving the geozone unchanged', async () => {
    const id = await operatorYard()
    await refusal(updateGeozone(ctx, await demoActor(handle.db, 'viewer', 'northwind'), id, { name: 'Mine' }))
    await refusal(updateGeozone(ctx, await demoActor(handle.db, 'operator', 'greenfield'), id, { name: 'Mine' }))
    const [row] = await handle.db.select().from(geozones).where(eq(geozones.id, id))
    expect(row!.name).toBe('Depot yard')
  })

  it('refuses an unknown id like a foreign one', async () => {
    const error = await refusal(updateGeozone(ctx, await demoActor(handle.db, 'admin', 'northwind'), 2_000_000_000, { name: 'x' }))
    expect(error.field).toBe('geozone')
  })
})

describe('deleteGeozone', () => {
  it('deletes the geozone, its memberships with it, and keeps past geo events without it', async () => {
    const id = await operatorYard()
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon: 10.005 })
    await expect(countRows(handle.db, vehicleGeozones)).resolves.toBe(1)
    await deleteGeozone(ctx, await demoActor(handle.db, 'operator', 'northwind'), id)
    expect(await handle.db.select().from(geozones)).toEqual([])
    await expect(countRows(handle.db, vehicleGeozones)).resolves.toBe(0)
    expect(await handle.db.select({ geozoneId: geoEvents.geozoneId }).from(geoEvents)).toEqual([{ geozoneId: null }])
    const [event] = await listGeoEvents(handle.db, northwind, { limit: 10 })
    expect(event).toMatchObject({ geozoneId: null, geozoneName: DELETED_GEOZONE_NAME, kind: 'enter' })
    const kinds = await handle.db.select({ kind: activityEvents.kind }).from(activityEvents).orderBy(asc(activityEvents.id))
    expect(kinds.map(row => row.kind)).toContain('geozone.deleted')
  })

  it('refuses a viewer and another tenant\'s admin with 403 and deletes nothing', async () => {
    const id = await operatorYard()
    await refusal(deleteGeozone(ctx, await demoActor(handle.db, 'viewer', 'northwind'), id))
    await refusal(deleteGeozone(ctx, await demoActor(handle.db, 'admin', 'greenfield'), id))
    expect(await handle.db.select({ id: geozones.id }).from(geozones)).toEqual([{ id }])
  })
})

describe('queries', () => {
  it('lists only the tenant\'s own geozones', async () => {
    const id = await operatorYard()
    await createGeozone(ctx, await demoActor(handle.db, 'operator', 'greenfield'), greenfield, { ...yard, name: 'Field' })
    expect((await listGeozones(handle.db, northwind)).map(zone => zone.id)).toEqual([id])
  })

  it('pages geo events newest first', async () => {
    await operatorYard()
    for (const lon of [10.005, 9.9, 10.005, 9.9, 10.005]) {
      await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon })
      ctx.advance(1000)
    }
    const first = await listGeoEvents(handle.db, northwind, { limit: 3 })
    expect(first.map(event => event.kind)).toEqual(['enter', 'exit', 'enter'])
    expect(first[0]!.id).toBeGreaterThan(first[1]!.id)
    const rest = await listGeoEvents(handle.db, northwind, { limit: 3, before: first[2]!.id })
    expect(rest.map(event => event.kind)).toEqual(['exit', 'enter'])
    expect(await listGeoEvents(handle.db, greenfield, { limit: 3 })).toEqual([])
  })
})
