// A simulated Modbus TCP device: one register bank served by modbus-serial's ServerTCP on a loopback port.
import { createServer } from 'node:net'
import { ServerTCP } from 'modbus-serial'
import { RegisterBank } from './register-bank'
import type { ReadObserver } from './service-vector'
import { serviceVector } from './service-vector'

const LISTEN_ATTEMPTS = 5

export class SimulatedModbusDevice {
  readonly bank: RegisterBank
  private server: ServerTCP | null = null
  private listeningPort: number | null = null

  constructor(private readonly options: { host: string, unitId: number, registers?: number, onRead?: ReadObserver }) {
    this.bank = new RegisterBank(options.registers)
  }

  /** The port it serves on, or null while stopped. */
  get port(): number | null {
    return this.server ? this.listeningPort : null
  }

  /**
   * Serves on `preferredPort` when it is free, otherwise on a free port the kernel picks; resolves with the port.
   * ServerTCP takes no port 0, so a free port is looked up first and taken again if another process won the race.
   */
  async start(preferredPort?: number): Promise<number> {
    if (this.server) return this.listeningPort!
    let lastError: Error | null = null
    for (let attempt = 0; attempt < LISTEN_ATTEMPTS; attempt++) {
      const port = attempt === 0 && preferredPort ? preferredPort : await freeLoopbackPort(this.options.host)
      try {
        this.server = await listen(new ServerTCP(serviceVector(this.bank, this.options.onRead), { host: this.options.host, port, unitID: this.options.unitId }))
        this.listeningPort = port
        return port
      }
      catch (error) {
        lastError = error as Error
      }
    }
    throw new Error(`the simulated Modbus device could not listen on ${this.options.host}: ${lastError?.message}`)
  }

  /** Stops listening and drops its clients (a device switched off); start() brings it back on the same port when it can. */
  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    for (const socket of server.socks.keys()) socket.destroy()
    await new Promise<void>(resolve => server.close(() => resolve()))
  }
}

function listen(server: ServerTCP): Promise<ServerTCP> {
  return new Promise((resolve, reject) => {
    server.once('initialized', () => resolve(server))
    server.once('serverError', (error: Error) => {
      server.close(() => {})
      reject(error)
    })
    // Client sockets that reset (a poller reconnecting) are the device's everyday life, not a crash.
    server.on('socketError', () => {})
  })
}

function freeLoopbackPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
