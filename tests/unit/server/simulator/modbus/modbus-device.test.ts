// A simulated device answers a real Modbus TCP client (modbus-serial's) on loopback from its register bank.
import ModbusRTU from 'modbus-serial'
import { afterEach, describe, expect, it } from 'vitest'
import { SimulatedModbusDevice } from '../../../../../server/simulator/modbus/modbus-device'

const devices: SimulatedModbusDevice[] = []
const clients: ModbusRTU[] = []

async function startDevice(unitId = 1): Promise<{ device: SimulatedModbusDevice, port: number }> {
  const device = new SimulatedModbusDevice({ host: '127.0.0.1', unitId, registers: 20 })
  devices.push(device)
  return { device, port: await device.start() }
}

async function client(port: number, unitId = 1): Promise<ModbusRTU> {
  const modbus = new ModbusRTU()
  await modbus.connectTCP('127.0.0.1', { port })
  clients.push(modbus)
  modbus.setID(unitId)
  modbus.setTimeout(2000)
  return modbus
}

afterEach(async () => {
  for (const modbus of clients.splice(0)) await new Promise<void>(resolve => modbus.close(() => resolve()))
  for (const device of devices.splice(0)) await device.stop()
})

describe('simulated Modbus device', () => {
  it('answers holding, input, coil and discrete reads with what its bank holds', async () => {
    const { device, port } = await startDevice(7)
    device.bank.write({ function: 'holding', register: 0, dataType: 'uint16', wordOrder: 'big' }, 1234)
    device.bank.write({ function: 'holding', register: 1, dataType: 'float32', wordOrder: 'big' }, 2.5)
    device.bank.write({ function: 'input', register: 4, dataType: 'int16', wordOrder: 'big' }, -3)
    device.bank.write({ function: 'coil', register: 1, dataType: 'bool', wordOrder: 'big' }, 1)
    device.bank.write({ function: 'discrete', register: 0, dataType: 'bool', wordOrder: 'big' }, 1)
    const modbus = await client(port, 7)
    const holding = await modbus.readHoldingRegisters(0, 3)
    expect(holding.data[0]).toBe(1234)
    expect(holding.buffer.readFloatBE(2)).toBe(2.5)
    expect((await modbus.readInputRegisters(4, 1)).buffer.readInt16BE(0)).toBe(-3)
    expect((await modbus.readCoils(0, 2)).data.slice(0, 2)).toEqual([false, true])
    expect((await modbus.readDiscreteInputs(0, 1)).data[0]).toBe(true)
  })

  it('answers a read past its registers with exception 2 (illegal data address)', async () => {
    const { port } = await startDevice()
    const modbus = await client(port)
    await expect(modbus.readHoldingRegisters(19, 2)).rejects.toMatchObject({ modbusCode: 2 })
    // The connection stays usable after an exception.
    expect((await modbus.readHoldingRegisters(19, 1)).data).toEqual([0])
  })

  it('refuses connections while stopped and serves on the same port again after a restart', async () => {
    const { device, port } = await startDevice()
    await device.stop()
    expect(device.port).toBeNull()
    await expect(client(port)).rejects.toThrow(/ECONNREFUSED/)
    expect(await device.start(port)).toBe(port)
    device.bank.write({ function: 'holding', register: 2, dataType: 'uint16', wordOrder: 'big' }, 9)
    expect((await (await client(port)).readHoldingRegisters(2, 1)).data).toEqual([9])
  })

  it('tells its observer about each read it answers, and not about refused ones', async () => {
    const reads: string[] = []
    const device = new SimulatedModbusDevice({ host: '127.0.0.1', unitId: 1, registers: 20, onRead: (table, address, count) => reads.push(`${table} ${address}+${count}`) })
    devices.push(device)
    const modbus = await client(await device.start())
    await modbus.readHoldingRegisters(0, 20)
    await modbus.readInputRegisters(3, 1)
    await expect(modbus.readHoldingRegisters(15, 10)).rejects.toMatchObject({ modbusCode: 2 })
    expect(reads).toEqual(['holding 0+20', 'input 3+1'])
  })

  it('takes another free port when the one it prefers is taken', async () => {
    const { port } = await startDevice()
    const second = new SimulatedModbusDevice({ host: '127.0.0.1', unitId: 1 })
    devices.push(second)
    const other = await second.start(port)
    expect(other).not.toBe(port)
    expect(second.port).toBe(other)
  })
})
