// One gateway's Modbus TCP connection, kept open between polls: connects only where MODBUS_ALLOWED_HOSTS allows,
// to the address it checked (a DNS answer cannot change between the check and the connect), and reads one range.
import { lookup } from 'node:dns/promises'
import type { Socket } from 'node:net'
import { connect as connectSocket, isIP } from 'node:net'
import ModbusRTU from 'modbus-serial'
import type { ModbusTcpConnection } from '../../../shared/modbus'
import type { HostAllowList } from './host-allow-list'
import { targetAllowed } from './host-allow-list'
import { classifyError, ModbusFailure } from './modbus-errors'
import type { ReadRange } from './read-plan'

export type LinkTarget = Pick<ModbusTcpConnection, 'host' | 'port' | 'unitId' | 'timeoutMs'>

export class ModbusLink {
  private socket: Socket | null = null
  private client: ModbusRTU | null = null
  private closed: Promise<never> | null = null
  readonly label: string

  constructor(readonly target: LinkTarget, private readonly allowList: HostAllowList) {
    this.label = `${target.host}:${target.port}`
  }

  /** Whether the connection is up (a read may be sent). */
  get open(): boolean {
    return this.socket !== null && !this.socket.destroyed
  }

  /** Connects (resolve, check, TCP connect within the timeout); throws a ModbusFailure saying why not. */
  async connect(): Promise<void> {
    const address = await this.resolve()
    if (!targetAllowed(this.allowList, this.target.host, address)) {
      throw new ModbusFailure({ kind: 'host-not-allowed', message: `${this.target.host} (${address}) is not in MODBUS_ALLOWED_HOSTS` })
    }
    const socket = await this.openSocket(address)
    const client = new ModbusRTU()
    client.on('error', () => {})
    await client.linkTCP(socket, { port: this.target.port })
    client.setID(this.target.unitId)
    client.setTimeout(this.target.timeoutMs)
    this.socket = socket
    this.client = client
    // A connection that drops fails the read in flight at once instead of after its timeout.
    this.closed = new Promise<never>((_, reject) => socket.once('close', () => reject(new ModbusFailure({ kind: 'connection-closed', message: `${this.label} closed the connection` }))))
    this.closed.catch(() => {})
  }

  /** Reads one range: register words, or bits as 0/1. Throws a ModbusFailure (exception, timeout, closed, bad answer). */
  async read(range: ReadRange): Promise<number[]> {
    if (!this.client || !this.closed || !this.open) throw new ModbusFailure({ kind: 'connection-closed', message: `not connected to ${this.label}` })
    try {
      const reply = await Promise.race([this.request(this.client, range), this.closed])
      return reply.map(Number).slice(0, range.count)
    }
    catch (error) {
      throw new ModbusFailure(classifyError(error, this.label, this.target.timeoutMs))
    }
  }

  /** Closes the connection (idempotent). */
  close(): void {
    this.socket?.destroy()
    this.socket = null
    this.client = null
  }

  private async request(client: ModbusRTU, range: ReadRange): Promise<Array<number | boolean>> {
    if (range.function === 'holding') return (await client.readHoldingRegisters(range.start, range.count)).data
    if (range.function === 'input') return (await client.readInputRegisters(range.start, range.count)).data
    if (range.function === 'coil') return (await client.readCoils(range.start, range.count)).data
    return (await client.readDiscreteInputs(range.start, range.count)).data
  }

  private async resolve(): Promise<string> {
    if (isIP(this.target.host)) return this.target.host
    try {
      return (await lookup(this.target.host)).address
    }
    catch (error) {
      throw new ModbusFailure(classifyError(error, this.target.host, this.target.timeoutMs))
    }
  }

  private openSocket(address: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connectSocket({ host: address, port: this.target.port })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new ModbusFailure({ kind: 'timeout', message: `could not connect to ${this.label} within ${this.target.timeoutMs} ms` }))
      }, this.target.timeoutMs)
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(socket)
      })
      socket.on('error', (error) => {
        clearTimeout(timer)
        socket.destroy()
        reject(new ModbusFailure(classifyError(error, this.label, this.target.timeoutMs)))
      })
    })
  }
}
