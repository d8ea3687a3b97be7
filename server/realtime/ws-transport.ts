// The Transport of a `ws` socket: one small object per socket, no closures; a frame shared by many sockets is framed once.
import type { WebSocket } from 'ws'
import type { SharedFrame, Transport } from './transport'
import type { CorkableSocket } from './turn-batcher'
import { TurnBatcher } from './turn-batcher'

/** Shared by every send: a Buffer frame goes out as a text frame, as the protocol requires. */
const TEXT = { binary: false }
const OPEN = 1
/** One for the process: coalescing is decided per event-loop turn, across every socket. */
const batcher = new TurnBatcher()

/** The parts of `ws` internals the shared write checks: its socket, and its sender's queue. */
interface WsInternals {
  readyState: number
  _socket?: CorkableSocket
  _sender?: { _state?: unknown, _queue?: unknown[] }
}

export class WsTransport implements Transport {
  /** The batcher's turn in which this socket last got a shared frame. */
  private lastTurn = 0

  constructor(private readonly ws: WebSocket) {}

  send(frame: string | Buffer): void {
    this.ws.send(frame, TEXT)
  }

  /**
   * Writes the frame's one wire encoding straight to the TCP socket: the bytes `ws.send` would
   * write, without framing them again for every socket. Only while the socket is open and its
   * sender has nothing queued (it queues while compressing, which this server does not negotiate);
   * otherwise, or with a `ws` without these internals, `ws.send` does it.
   */
  sendShared(frame: SharedFrame): void {
    const ws = this.ws as unknown as WsInternals
    const sender = ws._sender
    if (ws.readyState === OPEN && ws._socket && sender?._state === 0 && sender._queue?.length === 0) {
      this.lastTurn = batcher.write(ws._socket, frame.wire ??= textFrame(frame.data), this.lastTurn)
    }
    else {
      this.ws.send(frame.data, TEXT)
    }
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason)
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }
}

/** An unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2) carrying `data`. */
export function textFrame(data: Buffer): Buffer {
  const length = data.length
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const wire = Buffer.allocUnsafe(header + length)
  wire[0] = 0x81
  if (header === 2) {
    wire[1] = length
  }
  else if (header === 4) {
    wire[1] = 126
    wire.writeUInt16BE(length, 2)
  }
  else {
    wire[1] = 127
    wire.writeBigUInt64BE(BigInt(length), 2)
  }
  data.copy(wire, header)
  return wire
}
