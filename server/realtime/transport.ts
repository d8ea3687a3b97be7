// What the engine needs from a WebSocket, so it can run under Nitro, plain `ws` or a test double.

export interface Transport {
  /** Writes one text frame. A Buffer is written as-is, so one serialised frame serves many sockets. */
  send(frame: string | Buffer): void
  /** Closes with a protocol code; the engine is told through its own `close` call afterwards. */
  close(code: number, reason: string): void
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number
}
