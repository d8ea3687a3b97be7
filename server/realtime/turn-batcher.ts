// Write coalescing for fan-out: frames a socket gets within one event-loop turn leave in one system call once the loop is behind.

/** The part of a `net.Socket` the batcher uses. */
export interface CorkableSocket {
  write: (chunk: Buffer) => boolean
  cork: () => void
  uncork: () => void
  readonly writableCorked: number
  readonly writableLength: number
}

/**
 * Most bytes held for one socket. Held bytes count in its bufferedAmount, which cuts slow readers
 * off (4100), and batching only pays for small frames, whose cost is the system call, not the bytes.
 */
export const HOLD_BYTES = 16 * 1024

/**
 * On loopback or a LAN a socket write costs ~9 µs in the kernel whatever its size, which is most of a
 * fan-out's cost. A socket's first frame in a turn is written at once (lowest latency when load is
 * light); a second frame in the same turn corks the socket until the turn ends, so the rest leave
 * together, up to HOLD_BYTES. A turn that had such repeats means events are queuing (a batch, or
 * requests that waited while a large fan-out ran), so the next turn corks from the first frame.
 */
export class TurnBatcher {
  private turn = 1
  private scheduled = false
  private repeats = 0
  private behind = false
  private readonly corked: CorkableSocket[] = []

  /** Writes `wire` to a socket whose previous frame went out in turn `lastTurn`; returns the turn to remember for it. */
  write(socket: CorkableSocket, wire: Buffer, lastTurn: number): number {
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.endTurn)
    }
    const repeat = lastTurn === this.turn
    if (repeat) this.repeats += 1
    const fits = socket.writableLength + wire.length <= HOLD_BYTES
    if (socket.writableCorked === 0) {
      if (fits && (repeat || this.behind)) {
        socket.cork()
        this.corked.push(socket)
      }
      socket.write(wire)
    }
    else if (fits) {
      socket.write(wire)
    }
    else {
      // What is held goes out now, then this frame; corked again so the turn's end stays balanced.
      socket.uncork()
      socket.write(wire)
      socket.cork()
    }
    return this.turn
  }

  private readonly endTurn = (): void => {
    // The turn is over before any socket is touched, so a socket that fails to uncork cannot stall the next ones.
    this.behind = this.repeats > 0
    this.repeats = 0
    this.turn += 1
    this.scheduled = false
    for (const socket of this.corked.splice(0)) socket.uncork()
  }
}
