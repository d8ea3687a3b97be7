import { beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import type { GeozoneShape } from '../../../../../shared/geozones'
import { activityEvents, geoEvents, geozones, notifications, vehicleGeozones } from '../../../../../server/db/schema'
import type { GeoEventPayload } from '../../../../../shared/events'
import type { TestContext } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { countRows, freshVehicleContext, ingest, isoAfter } from '../vehicles/vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let greenfield: number
let trucks: number[]
let tractors: number[]
let northwindUsers: number[]
let greenfieldUsers: number[]

// Depot yard: a square of 0.01° (about 700 m × 1100 m) west to east from lon 10.00 to 10.01.
const yardRing: Array<[number, number]> = [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01]]
// A west-to-east drive through the yard along lat 50.005: outside, inside, inside, outside.
const throughYard = [9.995, 10.003, 10.007, 10.015]

async function addGeozone(tenant: number, name: string, shape: GeozoneShape): Promise<number> {
  const [row] = await handle.db.insert(geozones).values({ tenantId: tenant, name, shape }).returning()
  return row!.id
}

function drive(vehicleId: number, lons: number[], lat = 50.005) {
  return lons.map((lon, index) => ({ vehicleId, lat, lon, speed: 30, at: isoAfter(ctx.now(), index * 10) }))
}

async function storedEvents() {
  return handle.db.select({ kind: geoEvents.kind, geozoneId: geoEvents.geozoneId, vehicleId: geoEvents.vehicleId, at: geoEvents.at }).from(geoEvents).orderBy(asc(geoEvents.id))
}

useDemoDatabase(demo => ({ handle, northwind, greenfield, trucks, tractors, northwindUsers, greenfieldUsers } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

describe('polygon geozone', () => {
  it('yields exactly enter then exit for a path through it, at the times of the crossing points', async () => {
    const yard = await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    const start = ctx.now().getTime()
    const response = await ingest(ctx, northwind, { positions: drive(trucks[0]!, throughYard) })
    expect(response.geoEvents).toBe(2)
    expect(await storedEvents()).toEqual([
      { kind: 'enter', geozoneId: yard, vehicleId: trucks[0], at: new Date(start + 10_000) },
      { kind: 'exit', geozoneId: yard, vehicleId: trucks[0], at: new Date(start + 30_000) },
    ])
    await expect(countRows(handle.db, vehicleGeozones)).resolves.toBe(0)
  })

  it('broadcasts geo.event on the vehicle and the tenant fleet channels, and nothing to the other tenant', async () => {
    const yard = await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    await ingest(ctx, northwind, { positions: drive(trucks[0]!, throughYard) })
    const sent = ctx.broadcaster.of('geo.event')
    expect(sent.map(item => item.channels)).toEqual([
      [`private-vehicle.${trucks[0]}`, `private-tenant.${northwind}.fleet`],
      [`private-vehicle.${trucks[0]}`, `private-tenant.${northwind}.fleet`],
    ])
    expect(sent.map(item => item.payload)).toMatchObject([
      { vehicleId: trucks[0], geozoneId: yard, geozoneName: 'Depot yard', kind: 'enter' },
      { vehicleId: trucks[0], geozoneId: yard, geozoneName: 'Depot yard', kind: 'exit' },
    ] satisfies Array<Partial<GeoEventPayload>>)
    const foreign = new Set([...tractors.map(id => `private-vehicle.${id}`), ...greenfieldUsers.map(id => `private-user.${id}`)])
    const channels = ctx.broadcaster.sent.flatMap(item => item.channels)
    expect(channels.filter(channel => foreign.has(channel) || channel.startsWith(`private-tenant.${greenfield}.`))).toEqual([])
  })

  it('notifies every user of the tenant and records activity for each crossing', async () => {
    await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    await ingest(ctx, northwind, { positions: drive(trucks[0]!, throughYard) })
    const titles = await handle.db.select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title }).from(notifications).orderBy(asc(notifications.id))
    expect(titles.filter(row => row.title === 'Truck 11 entered Depot yard').map(row => row.userId).sort()).toEqual([...northwindUsers].sort())
    expect(titles.filter(row => row.title === 'Truck 11 left Depot yard')).toHaveLength(3)
    expect(new Set(titles.map(row => row.kind))).toEqual(new Set(['geozone']))
    const sentTo = ctx.broadcaster.of('notification').flatMap(item => item.channels)
    expect(new Set(sentTo)).toEqual(new Set(northwindUsers.map(id => `private-user.${id}`)))
    const activity = await handle.db.select({ kind: activityEvents.kind, message: activityEvents.message }).from(activityEvents).orderBy(asc(activityEvents.id))
    expect(activity).toEqual([{ kind: 'geozone.entered', message: 'Truck 11 entered Depot yard' }, { kind: 'geozone.exited', message: 'Truck 11 left Depot yard' }])
    expect(ctx.broadcaster.of('event.created').map(item => item.channels)).toEqual([[`private-tenant.${northwind}.events`], [`private-tenant.${northwind}.events`]])
  })

  it('remembers being inside across requests: one enter, one exit for the same path sent point by point', async () => {
    const yard = await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    for (const [index, lon] of throughYard.entries()) {
      await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon, speed: 30 })
      if (index === 1) {
        const [membership] = await handle.db.select().from(vehicleGeozones).where(eq(vehicleGeozones.vehicleId, trucks[0]!))
        expect(membership).toEqual({ vehicleId: trucks[0], geozoneId: yard, enteredAt: ctx.now() })
      }
      ctx.advance(10_000)
    }
    expect((await storedEvents()).map(event => event.kind)).toEqual(['enter', 'exit'])
  })

  it('ignores a resent old point inside and a point without a GPS fix inside', async () => {
    await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon: 9.99 })
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon: 10.005, at: isoAfter(ctx.now(), -60) })
    ctx.advance(10_000)
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.005, lon: 10.005, satellites: 0 })
    await expect(countRows(handle.db, geoEvents)).resolves.toBe(0)
    expect(ctx.broadcaster.of('geo.event')).toEqual([])
  })

  it('does not see another tenant\'s geozones', async () => {
    await addGeozone(greenfield, 'Greenfield yard', { kind: 'polygon', ring: yardRing })
    await ingest(ctx, northwind, { positions: drive(trucks[0]!, throughYard) })
    await expect(countRows(handle.db, geoEvents)).resolves.toBe(0)
  })
})

describe('circle geozone', () => {
  it('yields exactly enter then exit for a path passing 100 m from the centre of a 300 m circle', async () => {
    const gate = await addGeozone(northwind, 'Gate', { kind: 'circle', center: [10.1, 50], radiusMeters: 300 })
    const lat = 50 + 100 / 111_195
    const start = ctx.now().getTime()
    // About 715 m per 0.01° of longitude here: far west, 70 m west, 70 m east, far east.
    await ingest(ctx, northwind, { positions: drive(trucks[1]!, [10.09, 10.099, 10.101, 10.11], lat) })
    expect(await storedEvents()).toEqual([
      { kind: 'enter', geozoneId: gate, vehicleId: trucks[1], at: new Date(start + 10_000) },
      { kind: 'exit', geozoneId: gate, vehicleId: trucks[1], at: new Date(start + 30_000) },
    ])
  })

  it('tracks overlapping geozones and several vehicles of one request separately', async () => {
    const yard = await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    const pumps = await addGeozone(northwind, 'Pumps', { kind: 'circle', center: [10.005, 50.005], radiusMeters: 200 })
    await ingest(ctx, northwind, { positions: [...drive(trucks[0]!, [10.005]), ...drive(trucks[1]!, [10.009])] })
    const rows = await handle.db.select().from(vehicleGeozones).orderBy(asc(vehicleGeozones.vehicleId), asc(vehicleGeozones.geozoneId))
    expect(rows.map(row => [row.vehicleId, row.geozoneId])).toEqual([[trucks[0], yard], [trucks[0], pumps], [trucks[1], yard]])
  })
})

describe('several crossings in one request', () => {
  // What a request leaves behind, without the ids and times that differ between two runs of it.
  async function outcome() {
    const notes = await handle.db.select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title, body: notifications.body, code: notifications.messageCode, params: notifications.messageParams })
      .from(notifications).orderBy(asc(notifications.id))
    const activity = await handle.db.select({ kind: activityEvents.kind, message: activityEvents.message, params: activityEvents.messageParams, subject: activityEvents.subject })
      .from(activityEvents).orderBy(asc(activityEvents.id))
    const events = await storedEvents()
    const memberships = await handle.db.select().from(vehicleGeozones).orderBy(asc(vehicleGeozones.vehicleId), asc(vehicleGeozones.geozoneId))
    // Each run adds the geozones anew: compare them by name.
    const zoneName = new Map((await handle.db.select().from(geozones)).map(zone => [zone.id, zone.name]))
    return {
      notes: notes.map(note => ({ ...note, params: { ...note.params, at: undefined } })),
      activity: activity.map(({ subject, ...row }) => ({ ...row, params: { ...row.params, at: undefined }, vehicleId: subject.vehicleId, geozone: zoneName.get(subject.geozoneId as number) })),
      events: events.map(event => ({ ...event, at: undefined, geozoneId: zoneName.get(event.geozoneId!) })),
      memberships: memberships.map(row => [row.vehicleId, zoneName.get(row.geozoneId)]),
    }
  }

  it('store the same geo events, notifications, activity and memberships as the vehicles sent one request each', async () => {
    const addZones = async () => {
      await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
      await addGeozone(northwind, 'Pumps', { kind: 'circle', center: [10.005, 50.005], radiusMeters: 200 })
    }
    await addZones()
    // Truck 0 drives through both zones and out; truck 1 enters the yard and stays; a speeding start comes first.
    const paths = () => [drive(trucks[0]!, throughYard), drive(trucks[1]!, [9.99, 10.009]).map(point => ({ ...point, speed: 120 }))]
    await ingest(ctx, northwind, { positions: paths().flat() })
    const together = await outcome()
    ctx = await freshVehicleContext(handle)
    await addZones()
    for (const path of paths()) await ingest(ctx, northwind, { positions: path })
    const apart = await outcome()
    // Per vehicle the order is the same; one request orders speeding before all crossings, so compare as sets.
    const sorted = <T>(rows: T[]) => rows.map(row => JSON.stringify(row)).sort()
    expect(sorted(together.notes)).toEqual(sorted(apart.notes))
    expect(sorted(together.activity)).toEqual(sorted(apart.activity))
    expect(sorted(together.events)).toEqual(sorted(apart.events))
    expect(together.memberships).toEqual(apart.memberships)
    expect(together.notes.filter(note => note.kind === 'geozone')).toHaveLength(5 * northwindUsers.length)
    expect(together.notes.filter(note => note.kind === 'speeding')).toHaveLength(northwindUsers.length)
    expect(together.activity).toHaveLength(5)
    expect(together.memberships).toEqual([[trucks[1], 'Depot yard']])
  })

  it('announce each stored notification and activity row once, with the ids the database gave them', async () => {
    await addGeozone(northwind, 'Depot yard', { kind: 'polygon', ring: yardRing })
    await ingest(ctx, northwind, { positions: [...drive(trucks[0]!, throughYard), ...drive(trucks[1]!, throughYard)] })
    const noteIds = (await handle.db.select({ id: notifications.id }).from(notifications).orderBy(asc(notifications.id))).map(row => row.id)
    const activityIds = (await handle.db.select({ id: activityEvents.id }).from(activityEvents).orderBy(asc(activityEvents.id))).map(row => row.id)
    expect(ctx.broadcaster.of('notification').map(item => (item.payload as { id: number }).id)).toEqual(noteIds)
    expect(ctx.broadcaster.of('event.created').map(item => (item.payload as { id: number }).id)).toEqual(activityIds)
    expect(noteIds).toHaveLength(4 * northwindUsers.length)
    const eventIds = (await handle.db.select({ id: geoEvents.id }).from(geoEvents).orderBy(asc(geoEvents.id))).map(row => row.id)
    expect(ctx.broadcaster.of('geo.event').map(item => (item.payload as { id: number }).id)).toEqual(eventIds)
  })
})
