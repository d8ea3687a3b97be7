// The `modbus` scenario's devices: N simulated Modbus TCP servers on loopback in the benchmark's own process,
// each stamping the time of every read it answers so a poll cycle can be timed up to the browser event.
import { SimulatedModbusDevice } from '../server/simulator/modbus/modbus-device'
import { nowMs } from './clock'

export class ModbusDeviceFleet {
  readonly devices: SimulatedModbusDevice[]
  /** Registers (or bits) answered so far, over all devices. */
  registersRead = 0
  /** Requests answered so far, over all devices. */
  requests = 0
  /** When each device answered the first read of its current poll cycle (epoch ms), null between cycles; see cycleDone(). */
  readonly cycleStartedAt: Array<number | null>

  constructor(count: number, registers: number) {
    this.cycleStartedAt = Array.from({ length: count }, () => null)
    this.devices = Array.from({ length: count }, (_, index) => new SimulatedModbusDevice({
      host: '127.0.0.1',
      unitId: 1,
      registers,
      onRead: (_table, _address, length) => {
        this.registersRead += length
        this.requests += 1
        this.cycleStartedAt[index] ??= nowMs()
      },
    }))
    // Distinct values per device and register, so a reading mixed up between gateways would show.
    this.devices.forEach((device, index) => {
      for (let register = 0; register < registers; register++) device.bank.write({ function: 'holding', register, dataType: 'uint16', wordOrder: 'big' }, index * 100 + register)
    })
  }

  /** Ends device `index`'s current cycle (its readings arrived); returns when it started, or null if no read was seen. */
  cycleDone(index: number): number | null {
    const started = this.cycleStartedAt[index] ?? null
    this.cycleStartedAt[index] = null
    return started
  }

  /** Starts every device; resolves with their ports, in order. */
  async start(): Promise<number[]> {
    const ports: number[] = []
    for (const device of this.devices) ports.push(await device.start())
    return ports
  }

  async stop(): Promise<void> {
    await Promise.all(this.devices.map(device => device.stop()))
  }
}
