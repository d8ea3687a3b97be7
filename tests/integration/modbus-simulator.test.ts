// The demo speaks Modbus: with the simulator on, the Modbus demo gateways are devices the simulator serves over
// Modbus TCP on loopback, and their readings reach the database and the browsers through the poller; the pushed
// demo gateway keeps reporting over HTTP ingest.
import ModbusRTU from 'modbus-serial'
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReadingPayload } from '../../shared/events'
import type { GatewayDetail } from '../../shared/gateways'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let admin: Session
let browser: PusherJs | null = null

async function gateway(serial: string): Promise<GatewayDetail> {
  const list = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`)).json() as { data: Array<{ id: number, serial: string }> }
  const id = list.data.find(row => row.serial === serial)!.id
  return (await (await admin.fetch(`/api/gateways/${id}`)).json() as { data: GatewayDetail }).data
}

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', SIMULATOR_SEED: '11' })
  admin = await login(server, demoEmail('admin', 'greenfield'))
}, 120_000)

afterAll(async () => {
  browser?.disconnect()
  await server?.stop()
})

describe('the simulator\'s Modbus gateways', () => {
  it('serve the Boiler room on the port its connection names, and its readings arrive through the poller', async () => {
    await waitFor(() => /Modbus TCP gateways .*GREENFIELD-GW-2 on 127\.0\.0\.1:\d+/.test(server.output()), 60_000, 'the simulated Modbus gateways')
    const port = Number(/GREENFIELD-GW-2 on 127\.0\.0\.1:(\d+)/.exec(server.output())![1])
    const boiler = await gateway('GREENFIELD-GW-2')
    expect(boiler.connection).toMatchObject({ protocol: 'modbus-tcp', host: '127.0.0.1', port, unitId: 1 })

    // A browser on the gateway's channel gets every point of a poll at once, all read well.
    const polls: ReadingPayload[] = []
    browser = pusherClient(server, serverSdk(server))
    browser.subscribe(`private-gateway.${boiler.id}`).bind('reading.new', (payload: ReadingPayload) => polls.push(payload))
    await connected(browser)
    const points = boiler.groups.flatMap(group => group.dataPoints)
    await waitFor(() => polls.some(poll => poll.readings.length === points.length && poll.readings.every(reading => reading.quality === 'good')), 30_000, 'a complete good poll of the Boiler room')

    const polled = await gateway('GREENFIELD-GW-2')
    expect(polled.online).toBe(true)
    expect(polled.pollHealth).toMatchObject({ consecutiveFailures: 0, lastError: null })
    expect(polled.pollHealth!.lastPollAt).not.toBeNull()
    const byLabel = new Map(polled.groups.flatMap(group => group.dataPoints).map(point => [point.label, point]))
    // Decoded by type: a coil is 0 or 1; the little-endian uint32 gas meter is a drifting raw value × 0.01.
    expect([0, 1]).toContain(byLabel.get('Burner on')!.lastValue)
    expect(byLabel.get('Gas meter')!.lastValue).toBeGreaterThan(0)
    expect(byLabel.get('Gas meter')!.lastValue).toBeLessThan(100)
    expect(byLabel.get('Return temperature')).toMatchObject({ function: 'input', lastQuality: 'good', lastError: null })
  }, 120_000)

  it('are real Modbus TCP servers that any client can read', async () => {
    const port = Number(/GREENFIELD-GW-2 on 127\.0\.0\.1:(\d+)/.exec(server.output())![1])
    const modbus = new ModbusRTU()
    await modbus.connectTCP('127.0.0.1', { port })
    try {
      modbus.setID(1)
      modbus.setTimeout(2000)
      const supply = await modbus.readHoldingRegisters(20, 1)
      // 1000..2000 at the start and drifting by at most 20 a tick: far from either end of int16 in this test's time.
      expect(supply.buffer.readInt16BE(0)).toBeGreaterThan(0)
      await expect(modbus.readHoldingRegisters(500, 1)).rejects.toMatchObject({ modbusCode: 2 })
    }
    finally {
      await new Promise<void>(resolve => modbus.close(() => resolve()))
    }
  })

  it('leave the pushed demo gateway on HTTP ingest', async () => {
    let pump = await gateway('GREENFIELD-GW-1')
    const deadline = Date.now() + 30_000
    while (pump.groups.flatMap(group => group.dataPoints).some(point => point.lastReadAt === null) && Date.now() < deadline) {
      await new Promise(done => setTimeout(done, 200))
      pump = await gateway('GREENFIELD-GW-1')
    }
    expect(pump.connection).toEqual({ protocol: 'push' })
    expect(pump.pollHealth).toBeNull()
    expect(pump.groups.flatMap(group => group.dataPoints).every(point => point.lastReadAt !== null)).toBe(true)
  }, 60_000)
})
