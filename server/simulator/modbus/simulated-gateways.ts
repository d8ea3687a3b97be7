// The demo's Modbus gateways: a simulated device per gateway the simulator serves, its registers written from
// the gateway simulation every tick and switched off while the simulation keeps the gateway silent.
import type { ModbusTcpConnection } from '../../../shared/modbus'
import { SimulatedModbusDevice } from './modbus-device'
import type { RegisterLayout } from './register-layout'

/** A gateway polled over Modbus TCP at an address of this machine: the simulator plays the device. */
export interface ServedGateway {
  id: number
  tenantId: number
  serial: string
  connection: ModbusTcpConnection
  points: RegisterLayout[]
}

/** What the gateway simulation reports for one gateway in a tick. */
export interface GatewayReport {
  gateway: string
  readings: Array<{ register: number, raw: number }>
}

/** Registers of the bank: the demo's points lie well inside, a test's register 500 well outside. */
const REGISTERS = 100

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** Whether the simulator plays the device behind `connection` (Modbus TCP to this machine). */
export function servedBySimulator(connection: { protocol: string, host?: string }): connection is ModbusTcpConnection {
  return connection.protocol === 'modbus-tcp' && LOOPBACK.has(connection.host ?? '')
}

interface Served { gateway: ServedGateway, device: SimulatedModbusDevice, port: number }

type Repoint = (gateway: ServedGateway, port: number) => Promise<void>

export class SimulatedModbusGateways {
  private constructor(private readonly served: Served[], private readonly repoint: Repoint, private readonly log: (message: string) => void) {}

  /**
   * Starts a device per gateway on its configured port, or on a free one when that is taken (then `repoint`
   * saves the port the gateway must be polled on).
   */
  static async start(gateways: ServedGateway[], repoint: Repoint, log: (message: string) => void): Promise<SimulatedModbusGateways> {
    const served: Served[] = []
    for (const gateway of gateways) {
      const device = new SimulatedModbusDevice({ host: gateway.connection.host === 'localhost' ? '127.0.0.1' : gateway.connection.host, unitId: gateway.connection.unitId, registers: REGISTERS })
      const port = await device.start(gateway.connection.port)
      if (port !== gateway.connection.port) await repoint(gateway, port)
      served.push({ gateway, device, port })
    }
    return new SimulatedModbusGateways(served, repoint, log)
  }

  /** The gateways served, with the port each device listens on. */
  get ports(): Array<{ serial: string, port: number }> {
    return this.served.map(({ gateway, port }) => ({ serial: gateway.serial, port }))
  }

  /**
   * Writes this tick's values of `tenantId`'s served gateways into their devices and returns the reports of
   * the others, which are pushed over HTTP as before. A served gateway without a report is silent: its device is off.
   */
  take<Report extends GatewayReport>(tenantId: number, reports: Report[]): Report[] {
    const mine = this.served.filter(served => served.gateway.tenantId === tenantId)
    for (const served of mine) {
      const report = reports.find(candidate => candidate.gateway === served.gateway.serial)
      if (!report && served.gateway.points.length > 0) void served.device.stop()
      if (!report) continue
      if (served.device.port === null) void this.switchOn(served)
      for (const point of served.gateway.points) {
        const raw = report.readings.find(reading => reading.register === point.register)?.raw
        // A point beyond the device's registers stays unanswerable (exception 0x02), as on a real device.
        if (raw === undefined || !served.device.bank.fits(point)) continue
        // Bits follow the slow drift of the raw value, so a coil changes now and then rather than every tick.
        served.device.bank.write(point, point.dataType === 'bool' ? Math.floor(raw / 100) % 2 : raw)
      }
    }
    const taken = new Set(mine.map(served => served.gateway.serial))
    return reports.filter(report => !taken.has(report.gateway))
  }

  /** Brings a silent gateway's device back, on its old port when it can (else the gateway is repointed). */
  private async switchOn(served: Served): Promise<void> {
    try {
      const port = await served.device.start(served.port)
      if (port !== served.port) await this.repoint(served.gateway, port)
      served.port = port
    }
    catch (error) {
      this.log(`simulated Modbus gateway ${served.gateway.serial}: ${(error as Error).message}`)
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.served.map(served => served.device.stop()))
  }
}
