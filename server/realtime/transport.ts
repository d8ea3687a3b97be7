// What the engine needs from a WebSocket, so it can run under Nitro, plain `ws` or a test double.

/** One serialised frame written to many sockets; a transport may keep its wire encoding of it in `wire`. */
export interface SharedFrame {
  readonly data: Buffer
  wire?: Buffer
}

export interface Transport {
  /** Writes one text frame. A Buffer is written as-is, so one serialised frame serves many sockets. */
  send(frame: string | Buffer): void
  /** Writes a frame shared by many sockets, encoding it for the wire once; without it, send(frame.data) is used. */
  sendShared?(frame: SharedFrame): void
  /** Closes with a protocol code; the engine is told through its own `close` call afterwards. */
  close(code: number, reason: string): void
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number
}
