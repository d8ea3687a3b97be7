// Teltonika trackers over TCP against the built server: handshake, acks only after storing, CRC, resends,
// split and coalesced segments, no-fix records and the fleet broadcast.
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeAvlPacket } from '../../server/devices/teltonika/avl-encoder'
import { encodeCommand, encodeCommandResponse } from '../../server/devices/teltonika/codec12'
import type { AvlRecord } from '../../server/devices/teltonika/avl-record'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { TrackerClient, fixRecord } from '../support/tracker-client'

// Demo vehicles with trackers: Truck 11 and Truck 12 of Northwind.
const TRUCK_11_IMEI = '356307042440011'
const TRUCK_12_IMEI = '356307042440012'
const VAN_2_IMEI = '356307042440002'

let server: ServerProcess
let trackerPort: number
let admin: Session
let vehicleIds: Map<string, number>
let pusher: PusherJs
const batches: Array<{ positions: Array<{ vehicleId: number, lat: number, lon: number, recordedAt: string }> }> = []

interface TrackPoint { lat: number, lon: number, recordedAt: string }

async function track(vehicleId: number, from: Date): Promise<TrackPoint[]> {
  const response = await admin.fetch(`/api/vehicles/${vehicleId}/track?from=${from.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`)
  const body = await response.json() as { data: { points: TrackPoint[] } }
  return body.data.points
}

async function vehicle(vehicleId: number) {
  return (await (await admin.fetch(`/api/vehicles/${vehicleId}`)).json() as { data: { status: string, sensors: Record<string, unknown>, position: { lat: number, lon: number } | null } }).data
}

/** A connected, accepted tracker. */
async function tracker(imei: string): Promise<TrackerClient> {
  const client = await TrackerClient.open(trackerPort)
  expect(await client.handshake(imei)).toBe(1)
  return client
}

/** Records one second apart ending `endSecondsAgo` before now, moving east. */
function records(count: number, endSecondsAgo: number, lat = 52.1): AvlRecord[] {
  const end = Date.now() - endSecondsAgo * 1000
  return Array.from({ length: count }, (_, index) => fixRecord(new Date(end - (count - 1 - index) * 1000), lat, 4.5 + index / 1000))
}

beforeAll(async () => {
  server = await startServer({ TELTONIKA_PORT: '0', POSITION_BATCH_MS: '100', TELTONIKA_IDLE_TIMEOUT_SECONDS: '8' })
  await waitFor(() => /Codec 8\/8E over TCP on port \d+/.test(server.output()), 30_000, 'the Teltonika listener')
  trackerPort = Number(/Codec 8\/8E over TCP on port (\d+)/.exec(server.output())![1])
  admin = await login(server, demoEmail('admin', 'northwind'))
  const fleet = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: Array<{ id: number, name: string }> }
  vehicleIds = new Map(fleet.data.map(entry => [entry.name, entry.id]))
  pusher = pusherClient(server, serverSdk(server))
  await connected(pusher)
  const channel = pusher.subscribe(`private-tenant.${admin.user.tenantId}.fleet`)
  channel.bind('position.batch', (payload: typeof batches[number]) => batches.push(payload))
  await waitFor(() => channel.subscribed, 10_000, 'the fleet subscription')
}, 120_000)

afterAll(async () => {
  pusher?.disconnect()
  await server?.stop()
})

describe('Teltonika handshake', () => {
  it('refuses an IMEI no vehicle has with 0x00 and closes the connection', async () => {
    const client = await TrackerClient.open(trackerPort)
    expect(await client.handshake('359999999999999')).toBe(0)
    await client.closedByServer()
    expect(server.output()).toContain('IMEI "359999999999999"')
  })

  it('closes a connection that sends a packet instead of its handshake', async () => {
    const client = await TrackerClient.open(trackerPort)
    client.write(encodeAvlPacket({ codec: 0x08, records: records(1, 5) }))
    await client.closedByServer()
  })
})

describe('Teltonika AVL packets', () => {
  it('acks 3 records only once stored: the track has them in order and the fleet channel broadcast the newest', async () => {
    const truck = vehicleIds.get('Truck 11')!
    const sent = records(3, 30)
    const client = await tracker(TRUCK_11_IMEI)
    client.write(encodeAvlPacket({ codec: 0x08, records: sent }))
    expect(await client.ack()).toBe(3)
    // Readable as soon as the ack is out: no waiting.
    const points = await track(truck, new Date(sent[0]!.timestamp))
    expect(points.map(point => Date.parse(point.recordedAt))).toEqual(sent.map(record => record.timestamp))
    expect(points[2]).toMatchObject({ lat: 52.1, lon: 4.502 })
    await waitFor(() => batches.some(batch => batch.positions.some(position => position.vehicleId === truck && Date.parse(position.recordedAt) === sent[2]!.timestamp)), 10_000, 'the position.batch')
    client.close()
  })

  it('does not ack a packet with a bad CRC and stores nothing of it', async () => {
    const truck = vehicleIds.get('Truck 12')!
    const client = await tracker(TRUCK_12_IMEI)
    const bad = encodeAvlPacket({ codec: 0x8E, records: records(4, 100, 51.5) })
    bad[bad.length - 1]! ^= 0xFF
    const good = records(2, 90, 51.6)
    client.write(Buffer.concat([bad, encodeAvlPacket({ codec: 0x8E, records: good })]))
    // Answers come in packet order: an ack of the bad packet would arrive before this one.
    expect(await client.ack()).toBe(2)
    const points = await track(truck, new Date(Date.now() - 200_000))
    expect(points.map(point => point.lat)).toEqual([51.6, 51.6])
    client.close()
  })

  it('acks a packet resent after a lost ack with its full count again, storing nothing twice', async () => {
    const truck = vehicleIds.get('Truck 11')!
    const sent = records(3, 200, 52.3)
    const packet = encodeAvlPacket({ codec: 0x8E, records: sent })
    const first = await tracker(TRUCK_11_IMEI)
    first.write(packet)
    expect(await first.ack()).toBe(3)
    first.close()
    const second = await tracker(TRUCK_11_IMEI)
    second.write(packet)
    expect(await second.ack()).toBe(3)
    const points = await track(truck, new Date(sent[0]!.timestamp))
    expect(points.filter(point => point.lat === 52.3)).toHaveLength(3)
    second.close()
  })

  it('joins a packet split into many segments and answers each of several packets sent in one segment', async () => {
    const client = await tracker(TRUCK_12_IMEI)
    const split = encodeAvlPacket({ codec: 0x08, records: records(5, 300, 51.7) })
    for (let at = 0; at < split.length; at += 7) {
      client.write(split.subarray(at, at + 7))
      await new Promise(done => setTimeout(done, 2))
    }
    expect(await client.ack()).toBe(5)
    client.write(Buffer.concat([
      encodeAvlPacket({ codec: 0x08, records: records(1, 400, 51.8) }),
      Buffer.from([0xFF]),
      encodeAvlPacket({ codec: 0x8E, records: records(2, 390, 51.8) }),
    ]))
    expect(await client.ack()).toBe(1)
    expect(await client.ack()).toBe(2)
    const points = await track(vehicleIds.get('Truck 12')!, new Date(Date.now() - 500_000))
    expect(points.filter(point => point.lat === 51.7 || point.lat === 51.8)).toHaveLength(8)
    client.close()
  })

  it('keeps the vehicle where it was on a record without a fix, while its sensors and status change and its track does not', async () => {
    const truck = vehicleIds.get('Truck 11')!
    const client = await tracker(TRUCK_11_IMEI)
    const fix = fixRecord(new Date(Date.now() - 10_000), 52.9, 4.9)
    const noFix: AvlRecord = {
      ...fixRecord(new Date(Date.now() - 5_000), 0, 0), satellites: 0, speed: 0,
      io: [
        { id: 239, kind: 'fixed', bytes: Buffer.from([1]) },
        { id: 66, kind: 'fixed', bytes: Buffer.from([0x30, 0xD4]) },
        { id: 16, kind: 'fixed', bytes: Buffer.from([0, 0x01, 0xE2, 0x40]) },
        { id: 21, kind: 'fixed', bytes: Buffer.from([4]) },
      ],
    }
    client.write(encodeAvlPacket({ codec: 0x08, records: [fix, noFix] }))
    expect(await client.ack()).toBe(2)
    const after = await vehicle(truck)
    expect(after.position).toMatchObject({ lat: 52.9, lon: 4.9 })
    expect(after.status).toBe('no_gps')
    expect(after.sensors).toMatchObject({ ignition: true, externalVoltage: 12.5, odometerKm: 123.456 })
    const points = await track(truck, new Date(Date.now() - 15_000))
    expect(points.map(point => point.recordedAt)).toContain(new Date(fix.timestamp).toISOString())
    expect(points.map(point => point.recordedAt)).not.toContain(new Date(noFix.timestamp).toISOString())
    client.close()
  })

  it('closes a connection silent for longer than the idle timeout, keepalives counting as traffic', async () => {
    const client = await tracker(TRUCK_12_IMEI)
    client.write(Buffer.from([0xFF]))
    await client.closedByServer(30_000)
  }, 40_000)

  it('closes the connection on bytes that are not a packet', async () => {
    const client = await tracker(TRUCK_12_IMEI)
    client.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'))
    await client.closedByServer()
    expect(server.output()).toContain('packet does not start with 4 zero bytes')
  })
})

/** The next Codec 12 packet the server sent the tracker, whole. */
async function commandPacket(client: TrackerClient): Promise<Buffer> {
  const head = await client.read(8)
  return Buffer.concat([head, await client.read(head.readUInt32BE(4) + 4)])
}

async function commandsOf(session: Session, vehicleId: number) {
  return (await (await session.fetch(`/api/vehicles/${vehicleId}/commands`)).json() as { data: Array<{ id: number, status: string, text: string, response: string | null }> }).data
}

/** The command once it left queued/sent (polled for at most 10 s), or as it last was. */
async function commandOnceFinished(session: Session, vehicleId: number, commandId: number) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const command = (await commandsOf(session, vehicleId)).find(entry => entry.id === commandId)
    if (!['queued', 'sent'].includes(command?.status ?? 'queued') || Date.now() > deadline) return command
    await new Promise(done => setTimeout(done, 50))
  }
}

describe('Codec 12 commands', () => {
  it('sends an operator\'s engine block to the connected tracker and stores its answer', async () => {
    const operator = await login(server, demoEmail('operator', 'northwind'))
    const truck = vehicleIds.get('Truck 12')!
    const client = await tracker(TRUCK_12_IMEI)
    const sent = await operator.fetch(`/api/vehicles/${truck}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'engine_block' }) })
    expect(sent.status).toBe(201)
    const { data: command } = await sent.json() as { data: { id: number, text: string } }
    expect(command.text).toBe('setdigout 1')
    expect((await commandPacket(client)).equals(encodeCommand('setdigout 1'))).toBe(true)
    client.write(encodeCommandResponse('DOUT1:1 Timeout:Infinity'))
    expect(await commandOnceFinished(operator, truck, command.id)).toMatchObject({ status: 'succeeded', response: 'DOUT1:1 Timeout:Infinity' })
    client.close()
  })

  it('keeps an admin\'s text command queued until the tracker connects, then delivers it', async () => {
    const greenfield = await login(server, demoEmail('admin', 'greenfield'))
    const fleet = await (await greenfield.fetch(`/api/tenants/${greenfield.user.tenantId}/fleet`)).json() as { data: Array<{ id: number, name: string }> }
    const van = fleet.data.find(entry => entry.name === 'Van 2')!.id
    const sent = await greenfield.fetch(`/api/vehicles/${van}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'custom', text: 'getver' }) })
    expect(sent.status).toBe(201)
    expect((await commandsOf(greenfield, van))[0]).toMatchObject({ status: 'queued', text: 'getver' })
    const client = await tracker(VAN_2_IMEI)
    expect((await commandPacket(client)).equals(encodeCommand('getver'))).toBe(true)
    expect((await commandsOf(greenfield, van))[0]!.status).toBe('sent')
    client.close()
  })

  it('refuses a free-text command from an operator (403) and a custom command without text (422 naming text)', async () => {
    const operator = await login(server, demoEmail('operator', 'northwind'))
    const truck = vehicleIds.get('Truck 12')!
    const custom = await operator.fetch(`/api/vehicles/${truck}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'custom', text: 'cpureset' }) })
    expect(custom.status).toBe(403)
    const missing = await admin.fetch(`/api/vehicles/${truck}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'custom' }) })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('text')
  })
})
