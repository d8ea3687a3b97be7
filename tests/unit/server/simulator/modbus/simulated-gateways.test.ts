// The demo's Modbus gateways: the simulator plays the devices of loopback Modbus gateways, writes each tick's
// values into their registers, switches a silent one off, and moves a gateway whose port is taken.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import ModbusRTU from 'modbus-serial'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServedGateway } from '../../../../../server/simulator/modbus/simulated-gateways'
import { servedBySimulator, SimulatedModbusGateways } from '../../../../../server/simulator/modbus/simulated-gateways'
import { freePort } from '../../../../support/free-port'

const running: SimulatedModbusGateways[] = []
const clients: ModbusRTU[] = []
const blockers: Server[] = []

afterEach(async () => {
  for (const modbus of clients.splice(0)) await new Promise<void>(resolve => modbus.close(() => resolve()))
  for (const gateways of running.splice(0)) await gateways.stop()
  for (const blocker of blockers.splice(0)) await new Promise(resolve => blocker.close(resolve))
})

async function gateway(serial: string, port?: number): Promise<ServedGateway> {
  return {
    id: 1, tenantId: 7, serial,
    connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: port ?? await freePort(), unitId: 1, pollIntervalMs: 1000, timeoutMs: 500 },
    points: [
      { function: 'holding', register: 20, dataType: 'int16', wordOrder: 'big' },
      { function: 'holding', register: 40, dataType: 'uint32', wordOrder: 'little' },
      { function: 'coil', register: 0, dataType: 'bool', wordOrder: 'big' },
      { function: 'holding', register: 500, dataType: 'uint16', wordOrder: 'big' },
    ],
  }
}

async function start(gateways: ServedGateway[], repointed: Array<[string, number]> = []): Promise<SimulatedModbusGateways> {
  const started = await SimulatedModbusGateways.start(gateways, async (served, port) => {
    repointed.push([served.serial, port])
  }, () => {})
  running.push(started)
  return started
}

async function client(port: number): Promise<ModbusRTU> {
  const modbus = new ModbusRTU()
  await modbus.connectTCP('127.0.0.1', { port })
  clients.push(modbus)
  modbus.setTimeout(2000)
  return modbus
}

describe('simulated Modbus gateways', () => {
  it('are the gateways polled over Modbus TCP on this machine only', () => {
    expect(servedBySimulator({ protocol: 'modbus-tcp', host: '127.0.0.1' })).toBe(true)
    expect(servedBySimulator({ protocol: 'modbus-tcp', host: 'localhost' })).toBe(true)
    expect(servedBySimulator({ protocol: 'modbus-tcp', host: '10.0.0.5' })).toBe(false)
    expect(servedBySimulator({ protocol: 'push' })).toBe(false)
  })

  it('write a tick\'s values into the registers and hand back the reports of other gateways', async () => {
    const served = await gateway('MB-1')
    const gateways = await start([served])
    const other = { gateway: 'PUSHED-1', readings: [{ register: 1, raw: 5 }] }
    const left = gateways.take(7, [{ gateway: 'MB-1', readings: [{ register: 20, raw: -12 }, { register: 40, raw: 70_000 }, { register: 0, raw: 1_150 }, { register: 500, raw: 3 }] }, other])
    expect(left).toEqual([other])
    const modbus = await client(served.connection.port)
    expect((await modbus.readHoldingRegisters(20, 1)).buffer.readInt16BE(0)).toBe(-12)
    // Little word order: the low word first.
    expect((await modbus.readHoldingRegisters(40, 2)).data).toEqual([70_000 & 0xFFFF, 70_000 >>> 16])
    expect((await modbus.readCoils(0, 1)).data[0]).toBe(true)
    // A point beyond the device's registers is answered as a real device answers it.
    await expect(modbus.readHoldingRegisters(500, 1)).rejects.toMatchObject({ modbusCode: 2 })
  })

  it('leave other tenants\' reports alone', async () => {
    const gateways = await start([await gateway('MB-1')])
    const report = { gateway: 'MB-1', readings: [{ register: 20, raw: 1 }] }
    expect(gateways.take(8, [report])).toEqual([report])
  })

  it('switch a silent gateway\'s device off and back on at the same port', async () => {
    const served = await gateway('MB-1')
    const gateways = await start([served])
    gateways.take(7, [])
    await expect.poll(() => client(served.connection.port).then(() => 'open', (error: Error) => error.message), { timeout: 5000 }).toMatch(/ECONNREFUSED/)
    gateways.take(7, [{ gateway: 'MB-1', readings: [{ register: 20, raw: 42 }] }])
    await expect.poll(async () => (await (await client(served.connection.port)).readHoldingRegisters(20, 1)).data[0], { timeout: 5000 }).toBe(42)
  })

  it('move a gateway whose port is taken to a free one', async () => {
    const blocker = createServer()
    blockers.push(blocker)
    const port = await new Promise<number>(resolve => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)))
    const repointed: Array<[string, number]> = []
    const gateways = await start([await gateway('MB-1', port)], repointed)
    expect(repointed).toHaveLength(1)
    expect(repointed[0]![1]).not.toBe(port)
    expect(gateways.ports).toEqual([{ serial: 'MB-1', port: repointed[0]![1] }])
  })
})
