// The Transport of a `ws` socket: one small object per socket, no closures, writing text frames.
import type { WebSocket } from 'ws'
import type { Transport } from './transport'

/** Shared by every send: a Buffer frame goes out as a text frame, as the protocol requires. */
const TEXT = { binary: false }

export class WsTransport implements Transport {
  constructor(private readonly ws: WebSocket) {}

  send(frame: string | Buffer): void {
    this.ws.send(frame, TEXT)
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason)
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }
}
