import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { asc, eq, inArray } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { seedDemoData } from '../../../../../server/db/demo-data'
import type { QueryOperation } from '../../../../../server/db/query-timing'
import { activityEvents, dataPoints, gateways, readings } from '../../../../../server/db/schema'
import { readingsIngestSchema } from '../../../../../server/domain/gateways/readings-schema'
import type { GatewayStatusPayload, ReadingPayload } from '../../../../../shared/events'
import { createEmptyDatabase, demoIdsOf, equipmentOf, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import type { TestGateway } from './gateway-fixtures'
import { createGateway, expectOnlyOwnChannels, isOwnChannel, sendHeartbeat, sendReadings } from './gateway-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number

const send = (tenant: number, body: unknown) => sendReadings(ctx, tenant, body)
const heartbeat = (tenant: number, body: unknown) => sendHeartbeat(ctx, tenant, body)

async function storedReadings(gatewayId: number) {
  return handle.db.select({ dataPointId: readings.dataPointId, value: readings.value, quality: readings.quality, recordedAt: readings.recordedAt })
    .from(readings).where(eq(readings.gatewayId, gatewayId)).orderBy(asc(readings.id))
}

async function gatewayRow(gatewayId: number) {
  const [row] = await handle.db.select().from(gateways).where(eq(gateways.id, gatewayId))
  return row!
}

/** Everything an ingest could have written, to compare before and after a refused request. */
async function snapshot(gatewayId: number) {
  return {
    readings: await handle.db.$count(readings),
    activity: await handle.db.$count(activityEvents),
    gateway: await gatewayRow(gatewayId),
    points: await handle.db.select().from(dataPoints).where(eq(dataPoints.gatewayId, gatewayId)).orderBy(asc(dataPoints.id)),
  }
}

useDemoDatabase((demo) => {
  ({ handle, greenfield, northwind } = demo)
  ctx = testContext(handle)
})

beforeEach(() => {
  ctx.broadcaster.clear()
})

describe('ingestReadings', () => {
  let gateway: TestGateway

  beforeAll(async () => {
    gateway = await createGateway(handle.db, greenfield)
  })

  it('stores raw readings multiplied by their data point scale and values as given, with quality and time', async () => {
    const earlier = new Date(ctx.now().getTime() - 10_000).toISOString()
    const response = await send(greenfield, { gateway: gateway.serial, readings: [
      { register: 0, raw: 1234 },
      { register: 1, value: 2.5, quality: 'uncertain', at: earlier },
    ] })
    expect(response).toEqual({ gatewayId: gateway.id, accepted: 2, online: true, lastContactAt: ctx.now().toISOString() })
    const rows = await storedReadings(gateway.id)
    expect(rows).toHaveLength(2)
    expect(rows[0]!.value).toBeCloseTo(123.4, 10)
    expect(rows[0]).toMatchObject({ dataPointId: gateway.points[0], quality: 'good', recordedAt: ctx.now() })
    expect(rows[1]).toEqual({ dataPointId: gateway.points[1], value: 2.5, quality: 'uncertain', recordedAt: new Date(earlier) })
  })

  it('moves a data point\'s last value only to a newer reading, also within one request', async () => {
    const point = gateway.points[1]!
    const last = async () => (await handle.db.select().from(dataPoints).where(eq(dataPoints.id, point)))[0]!
    const at = (offsetMs: number) => new Date(ctx.now().getTime() + offsetMs).toISOString()
    ctx.advance(60_000)
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 1, value: 9, at: at(0) }, { register: 1, value: 8, at: at(-5_000) }] })
    expect(await last()).toMatchObject({ lastValue: 9, lastQuality: 'good', lastReadAt: ctx.now() })
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 1, value: 1, quality: 'bad', at: at(-30_000) }] })
    expect(await last()).toMatchObject({ lastValue: 9, lastQuality: 'good', lastReadAt: ctx.now() })
    ctx.advance(1_000)
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 1, value: 7, quality: 'bad' }] })
    expect(await last()).toMatchObject({ lastValue: 7, lastQuality: 'bad', lastReadAt: ctx.now() })
  })

  it('refuses an unknown register with 422 naming readings.N.register, writing nothing and announcing nothing', async () => {
    const fresh = await createGateway(handle.db, greenfield)
    const before = await snapshot(fresh.id)
    await expect(send(greenfield, { gateway: fresh.serial, readings: [{ register: 0, raw: 5 }, { register: 1, raw: 6 }, { register: 77, raw: 7 }] }))
      .rejects.toMatchObject({ status: 422, field: 'readings.2.register' })
    expect(await snapshot(fresh.id)).toEqual(before)
    expect(before.gateway.online).toBe(false)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('treats the serial of another tenant\'s gateway as unknown: 422 on gateway, nothing written', async () => {
    const [northwindGateway] = (await equipmentOf(handle.db, northwind)).gateways
    const foreign = await gatewayRow(northwindGateway!)
    const before = await snapshot(foreign.id)
    await expect(send(greenfield, { gateway: foreign.serial, readings: [{ register: 0, value: 1 }] }))
      .rejects.toMatchObject({ status: 422, field: 'gateway' })
    await expect(send(greenfield, { gateway: 'NO-SUCH-GATEWAY', readings: [{ register: 0, value: 1 }] }))
      .rejects.toMatchObject({ status: 422, field: 'gateway' })
    expect(await snapshot(foreign.id)).toEqual(before)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('refuses a reading more than 5 minutes ahead of the clock, naming its at', async () => {
    const ahead = new Date(ctx.now().getTime() + 5 * 60_000 + 1).toISOString()
    const justInTime = new Date(ctx.now().getTime() + 5 * 60_000).toISOString()
    await expect(send(greenfield, { gateway: gateway.serial, readings: [{ register: 0, raw: 1, at: justInTime }, { register: 0, raw: 1, at: ahead }] }))
      .rejects.toMatchObject({ status: 422, field: 'readings.1.at' })
  })

  it('tells data points of one register in two tables apart by function, and asks for it when it is missing', async () => {
    const shared = await createGateway(handle.db, greenfield, { points: [{ register: 3, scale: 1, function: 'holding' }, { register: 3, scale: 10, function: 'coil' }, { register: 4, scale: 1 }] })
    await expect(send(greenfield, { gateway: shared.serial, readings: [{ register: 4, raw: 1 }, { register: 3, raw: 1 }] }))
      .rejects.toMatchObject({ status: 422, field: 'readings.1.function' })
    await send(greenfield, { gateway: shared.serial, readings: [{ register: 3, function: 'coil', raw: 1 }, { register: 3, function: 'holding', raw: 2 }, { register: 4, raw: 3 }] })
    const rows = await handle.db.select({ function: dataPoints.function, value: readings.value }).from(readings)
      .innerJoin(dataPoints, eq(dataPoints.id, readings.dataPointId)).where(eq(readings.gatewayId, shared.id)).orderBy(asc(readings.id))
    expect(rows).toEqual([{ function: 'coil', value: 10 }, { function: 'holding', value: 2 }, { function: 'holding', value: 3 }])
  })

  it('refuses a raw value whose scaled value is not finite, naming its raw', async () => {
    const big = await createGateway(handle.db, greenfield, { points: [{ register: 5, scale: 1e10 }] })
    await expect(send(greenfield, { gateway: big.serial, readings: [{ register: 5, raw: 1e300 }] }))
      .rejects.toMatchObject({ status: 422, field: 'readings.0.raw' })
  })

  it('announces one reading.new with every reading of the request on the gateway\'s channel only', async () => {
    ctx.advance(1_000)
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 0, raw: 10 }, { register: 1, raw: 200 }, { register: 0, raw: 30, quality: 'bad' }] })
    const sent = ctx.broadcaster.of('reading.new')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.channels).toEqual([`private-gateway.${gateway.id}`])
    const payload = sent[0]!.payload as ReadingPayload
    expect(payload.gatewayId).toBe(gateway.id)
    expect(payload.readings.map(reading => [reading.dataPointId, reading.quality, reading.recordedAt])).toEqual([
      [gateway.points[0], 'good', ctx.now().toISOString()],
      [gateway.points[1], 'good', ctx.now().toISOString()],
      [gateway.points[0], 'bad', ctx.now().toISOString()],
    ])
    expect(payload.readings.map(reading => reading.value)).toEqual([1, 2, 3])
    // Already online: this request changes no status and records no activity.
    expect(ctx.broadcaster.sent.map(item => item.event)).toEqual(['reading.new'])
    const others = (await equipmentOf(handle.db, northwind)).gateways
    for (const item of ctx.broadcaster.sent) {
      for (const channel of item.channels) {
        expect(isOwnChannel(channel, greenfield, [gateway.id])).toBe(true)
        expect(channel.startsWith(`private-tenant.${northwind}.`) || others.some(id => channel === `private-gateway.${id}`)).toBe(false)
      }
    }
  })
})

describe('online transitions on contact', () => {
  it('broadcasts gateway.status-changed once on both the tenant\'s gateways channel and the gateway\'s channel, with an activity event', async () => {
    const gateway = await createGateway(handle.db, greenfield)
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 0, raw: 1 }] })
    const status = ctx.broadcaster.of('gateway.status-changed')
    expect(status).toHaveLength(1)
    expect(status[0]!.channels).toEqual([`private-tenant.${greenfield}.gateways`, `private-gateway.${gateway.id}`])
    expect(status[0]!.payload).toEqual({ id: gateway.id, tenantId: greenfield, online: true, lastContactAt: ctx.now().toISOString() } satisfies GatewayStatusPayload)
    const activity = ctx.broadcaster.of('event.created')
    expect(activity).toHaveLength(1)
    expect(activity[0]!.channels).toEqual([`private-tenant.${greenfield}.events`])
    expect(activity[0]!.payload).toMatchObject({ tenantId: greenfield, kind: 'gateway.online', subject: { gatewayId: gateway.id } })
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: true, lastContactAt: ctx.now() })
    expectOnlyOwnChannels(ctx.broadcaster.sent, greenfield, [gateway.id])

    ctx.broadcaster.clear()
    ctx.advance(10_000)
    await send(greenfield, { gateway: gateway.serial, readings: [{ register: 1, raw: 2 }] })
    expect(ctx.broadcaster.of('gateway.status-changed')).toEqual([])
    expect(ctx.broadcaster.of('event.created')).toEqual([])
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: true, lastContactAt: ctx.now() })
  })

  it('announces the transition once when two first contacts of a gateway arrive together', async () => {
    const gateway = await createGateway(handle.db, greenfield)
    await Promise.all([
      send(greenfield, { gateway: gateway.serial, readings: [{ register: 0, raw: 1 }] }),
      heartbeat(greenfield, { gateway: gateway.serial }),
      send(greenfield, { gateway: gateway.serial, readings: [{ register: 1, raw: 1 }] }),
    ])
    expect(ctx.broadcaster.of('gateway.status-changed')).toHaveLength(1)
    expect(ctx.broadcaster.of('event.created')).toHaveLength(1)
    expect(ctx.broadcaster.of('reading.new')).toHaveLength(2)
  })

  it('a heartbeat marks contact and brings a gateway online without any reading', async () => {
    const gateway = await createGateway(handle.db, greenfield)
    const readingsBefore = await handle.db.$count(readings)
    expect(await heartbeat(greenfield, { gateway: gateway.serial })).toEqual({ gatewayId: gateway.id, online: true, lastContactAt: ctx.now().toISOString() })
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: true, lastContactAt: ctx.now() })
    expect(ctx.broadcaster.sent.map(item => item.event)).toEqual(['gateway.status-changed', 'event.created'])
    expect(await handle.db.$count(readings)).toBe(readingsBefore)

    ctx.broadcaster.clear()
    ctx.advance(5_000)
    await heartbeat(greenfield, { gateway: gateway.serial })
    expect(ctx.broadcaster.sent).toEqual([])
    expect(await gatewayRow(gateway.id)).toMatchObject({ lastContactAt: ctx.now() })
  })

  it('a heartbeat for another tenant\'s serial is 422 on gateway', async () => {
    const [northwindGateway] = (await equipmentOf(handle.db, northwind)).gateways
    const foreign = await gatewayRow(northwindGateway!)
    await expect(heartbeat(greenfield, { gateway: foreign.serial })).rejects.toMatchObject({ status: 422, field: 'gateway' })
    expect((await gatewayRow(foreign.id)).online).toBe(false)
  })
})

describe('a request of 1 000 readings', () => {
  // A database of its own whose statements are counted by kind.
  let counted: DatabaseHandle
  let countedCtx: TestContext
  let tenant: number
  let statements: QueryOperation[] = []

  beforeAll(async () => {
    counted = await createEmptyDatabase(operation => statements.push(operation))
    await seedDemoData(counted.db)
    tenant = (await demoIdsOf(counted)).greenfield
    countedCtx = testContext(counted)
  }, 30_000)

  afterAll(async () => {
    await counted?.close()
  })

  /** The statements (by kind, BEGIN/COMMIT left out) a readings request of `count` registers costs. */
  async function statementsOf(gateway: TestGateway, count: number) {
    countedCtx.advance(1_000)
    statements = []
    await sendReadings(countedCtx, tenant, { gateway: gateway.serial, readings: Array.from({ length: count }, (_, register) => ({ register, raw: register })) })
    const kinds: Partial<Record<QueryOperation, number>> = {}
    for (const kind of statements.filter(kind => kind !== 'transaction')) kinds[kind] = (kinds[kind] ?? 0) + 1
    return kinds
  }

  it('is stored with one insert, one latest-value update and one contact update, as a request of one reading is', async () => {
    const gateway = await createGateway(counted.db, tenant, { points: Array.from({ length: 1000 }, (_, register) => ({ register, scale: 1 })) })
    await statementsOf(gateway, 1)
    const one = await statementsOf(gateway, 1)
    const thousand = await statementsOf(gateway, 1000)
    expect(thousand).toEqual({ select: 2, insert: 1, update: 2 })
    expect(thousand).toEqual(one)
    expect(await counted.db.$count(readings, eq(readings.gatewayId, gateway.id))).toBe(1002)
    const points = await counted.db.select({ register: dataPoints.register, lastValue: dataPoints.lastValue, lastReadAt: dataPoints.lastReadAt })
      .from(dataPoints).where(inArray(dataPoints.id, Object.values(gateway.points)))
    expect(points).toHaveLength(1000)
    for (const point of points) expect(point).toEqual({ register: point.register, lastValue: point.register, lastReadAt: countedCtx.now() })
  })

  it('is announced as one reading.new carrying all of them', async () => {
    const gateway = await createGateway(counted.db, tenant, { points: Array.from({ length: 1000 }, (_, register) => ({ register, scale: 0.5 })) })
    await statementsOf(gateway, 1)
    countedCtx.broadcaster.clear()
    await statementsOf(gateway, 1000)
    const sent = countedCtx.broadcaster.of('reading.new')
    expect(sent).toHaveLength(1)
    const payload = sent[0]!.payload as ReadingPayload
    expect(payload.readings.map(reading => [reading.dataPointId, reading.value])).toEqual(Array.from({ length: 1000 }, (_, register) => [gateway.points[register], register * 0.5]))
    expect(countedCtx.broadcaster.sent.map(item => item.event)).toEqual(['reading.new'])
  })
})

describe('readingsIngestSchema', () => {
  const fieldOf = (body: unknown) => {
    const result = readingsIngestSchema.safeParse(body)
    return result.success ? null : result.error.issues.map(issue => issue.path.join('.'))
  }

  it('names the reading whose raw and value are both given or both missing', () => {
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1, raw: 1 }, { register: 2, raw: 1, value: 2 }] })).toEqual(['readings.1.value'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1 }] })).toEqual(['readings.0.value'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1, value: 0 }] })).toBeNull()
  })

  it('names a register outside 0..65535 or not an integer, a bad quality and a bad time', () => {
    expect(fieldOf({ gateway: 'G', readings: [{ register: 65536, raw: 1 }] })).toEqual(['readings.0.register'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1.5, raw: 1 }] })).toEqual(['readings.0.register'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1, raw: 1, quality: 'great' }] })).toEqual(['readings.0.quality'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1, raw: 1, at: 'yesterday' }] })).toEqual(['readings.0.at'])
    expect(fieldOf({ gateway: 'G', readings: [{ register: 1, raw: Number.POSITIVE_INFINITY }] })).toEqual(['readings.0.raw'])
  })

  it('accepts 1 to 1000 readings and names the list otherwise; the gateway serial is required', () => {
    const reading = { register: 1, raw: 1 }
    expect(fieldOf({ gateway: 'G', readings: Array.from({ length: 1000 }, () => reading) })).toBeNull()
    expect(fieldOf({ gateway: 'G', readings: Array.from({ length: 1001 }, () => reading) })).toEqual(['readings'])
    expect(fieldOf({ gateway: 'G', readings: [] })).toEqual(['readings'])
    expect(fieldOf({ gateway: '  ', readings: [reading] })).toEqual(['gateway'])
  })
})
