// Modbus TCP peers for tests on 127.0.0.1: a real modbus-serial ServerTCP with a register map, and a raw TCP
// server whose answers a test writes byte by byte (wrong transaction ids, truncated or garbage frames, resets).
import type { Socket } from 'node:net'
import { createServer } from 'node:net'
import ModbusRTU from 'modbus-serial'
import { freePort } from './free-port'

const { ServerTCP } = ModbusRTU as unknown as { ServerTCP: typeof import('modbus-serial').ServerTCP }

export interface ModbusDevice {
  port: number
  holding: Map<number, number>
  coils: Map<number, boolean>
  /** Milliseconds every answer is held back (a slow device). */
  delayMs: number
  /** Addresses above this answer exception 2 (Illegal Data Address). */
  lastAddress: number
  /** Requests answered so far. */
  requests: () => number
  /** Open client connections. */
  connections: () => number
  close: () => Promise<void>
}

/** A Modbus TCP server (unit 1) whose holding registers and coils the test sets, on a free port or `fixedPort`. */
export async function startModbusDevice(holding: Record<number, number> = {}, coils: Record<number, boolean> = {}, fixedPort?: number): Promise<ModbusDevice> {
  const port = fixedPort ?? await freePort()
  let requests = 0
  const device: Partial<ModbusDevice> = {}
  const answer = async <T>(address: number, value: () => T): Promise<T> => {
    requests++
    if (device.delayMs) await new Promise(resolve => setTimeout(resolve, device.delayMs))
    if (address > device.lastAddress!) throw { modbusErrorCode: 2 }
    return value()
  }
  const server = new ServerTCP({
    getHoldingRegister: (address: number) => answer(address, () => device.holding!.get(address) ?? 0),
    getInputRegister: (address: number) => answer(address, () => 0),
    getCoil: (address: number) => answer(address, () => device.coils!.get(address) ?? false),
    getDiscreteInput: (address: number) => answer(address, () => false),
  }, { host: '127.0.0.1', port, unitID: 1 })
  server.on('socketError', () => {})
  await new Promise<void>(resolve => server.on('initialized', () => resolve()))
  Object.assign(device, {
    port, delayMs: 0, lastAddress: 999,
    holding: new Map(Object.entries(holding).map(([key, value]) => [Number(key), value])),
    coils: new Map(Object.entries(coils).map(([key, value]) => [Number(key), value])),
    requests: () => requests,
    connections: () => server.socks.size,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  })
  return device as ModbusDevice
}

/** A request as a raw server sees it: MBAP transaction id, unit id, function code. */
export interface RawRequest {
  transactionId: number
  unitId: number
  functionCode: number
  socket: Socket
}

/** A TCP server that hands each Modbus request to `reply`, which writes whatever bytes it likes. */
export async function startRawModbusServer(reply: (request: RawRequest) => void): Promise<{ port: number, connections: () => number, close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let pending = Buffer.alloc(0)
    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data])
      while (pending.length >= 7 && pending.length >= 6 + pending.readUInt16BE(4)) {
        const frame = pending.subarray(0, 6 + pending.readUInt16BE(4))
        pending = pending.subarray(frame.length)
        reply({ transactionId: frame.readUInt16BE(0), unitId: frame[6]!, functionCode: frame[7]!, socket })
      }
    })
  })
  const port = await freePort()
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    connections: () => sockets.size,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
  }
}

/** A complete read-holding-registers answer frame with `words`, under `transactionId`. */
export function holdingAnswer(transactionId: number, unitId: number, words: number[]): Buffer {
  const frame = Buffer.alloc(9 + words.length * 2)
  frame.writeUInt16BE(transactionId, 0)
  frame.writeUInt16BE(0, 2)
  frame.writeUInt16BE(3 + words.length * 2, 4)
  frame[6] = unitId
  frame[7] = 3
  frame[8] = words.length * 2
  words.forEach((word, index) => frame.writeUInt16BE(word, 9 + index * 2))
  return frame
}
