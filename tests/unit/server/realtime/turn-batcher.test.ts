// TurnBatcher: a socket's first frame of a turn goes out at once; repeats, and every frame of the turn after them, are held until the turn ends.
import { describe, expect, it } from 'vitest'
import type { CorkableSocket } from '../../../../server/realtime/turn-batcher'
import { HOLD_BYTES, TurnBatcher } from '../../../../server/realtime/turn-batcher'

/** A socket that records what reached the kernel: writes made while uncorked, and corked writes flushed together on uncork. */
class RecordingSocket implements CorkableSocket {
  /** One entry per system call: the frames it carried. */
  readonly syscalls: string[][] = []
  writableCorked = 0
  private held: string[] = []

  get writableLength(): number {
    return this.held.reduce((bytes, text) => bytes + text.length, 0)
  }

  write(chunk: Buffer): boolean {
    if (this.writableCorked > 0) this.held.push(chunk.toString())
    else this.syscalls.push([chunk.toString()])
    return true
  }

  cork(): void {
    this.writableCorked += 1
  }

  uncork(): void {
    this.writableCorked -= 1
    if (this.writableCorked === 0 && this.held.length > 0) {
      this.syscalls.push(this.held)
      this.held = []
    }
  }
}

/** A socket with the turn of its last frame, as WsTransport keeps it. */
function client(): { socket: RecordingSocket, lastTurn: number } {
  return { socket: new RecordingSocket(), lastTurn: 0 }
}

function send(batcher: TurnBatcher, target: { socket: RecordingSocket, lastTurn: number }, text: string): void {
  target.lastTurn = batcher.write(target.socket, Buffer.from(text), target.lastTurn)
}

const nextTurn = () => new Promise(resolve => setImmediate(resolve))

describe('TurnBatcher', () => {
  it('writes one frame per socket per turn at once, without holding it', async () => {
    const batcher = new TurnBatcher()
    const [a, b] = [client(), client()]
    send(batcher, a, 'a1')
    send(batcher, b, 'b1')
    expect(a.socket.syscalls).toEqual([['a1']])
    expect(b.socket.syscalls).toEqual([['b1']])
    await nextTurn()
    send(batcher, a, 'a2')
    expect(a.socket.syscalls).toEqual([['a1'], ['a2']])
    expect(a.socket.writableCorked).toBe(0)
  })

  it('holds a socket\'s further frames of the same turn and writes them together, in order, when the turn ends', async () => {
    const batcher = new TurnBatcher()
    const a = client()
    for (const text of ['1', '2', '3', '4']) send(batcher, a, text)
    expect(a.socket.syscalls).toEqual([['1']])
    await nextTurn()
    expect(a.socket.syscalls).toEqual([['1'], ['2', '3', '4']])
    expect(a.socket.writableCorked).toBe(0)
  })

  it('after a turn with repeats holds every socket from its first frame, and writes at once again after a quiet turn', async () => {
    const batcher = new TurnBatcher()
    const [a, b] = [client(), client()]
    send(batcher, a, 'a1')
    send(batcher, a, 'a2')
    await nextTurn()
    // Behind: both sockets' frames of this turn leave in one call each.
    send(batcher, a, 'a3')
    send(batcher, b, 'b1')
    send(batcher, b, 'b2')
    expect(a.socket.syscalls).toEqual([['a1'], ['a2']])
    expect(b.socket.syscalls).toEqual([])
    await nextTurn()
    expect(a.socket.syscalls).toEqual([['a1'], ['a2'], ['a3']])
    expect(b.socket.syscalls).toEqual([['b1', 'b2']])
    // That turn repeated on b, so this one is held too; it has no repeats, so the next writes at once.
    send(batcher, a, 'a4')
    expect(a.socket.syscalls).toHaveLength(3)
    await nextTurn()
    expect(a.socket.syscalls).toEqual([['a1'], ['a2'], ['a3'], ['a4']])
    send(batcher, a, 'a5')
    expect(a.socket.syscalls.at(-1)).toEqual(['a5'])
  })

  it('writes out what it holds once another frame would take it past HOLD_BYTES, so held bytes stay small', async () => {
    const batcher = new TurnBatcher()
    const a = client()
    const half = 'h'.repeat(HOLD_BYTES / 2)
    const large = 'L'.repeat(HOLD_BYTES + 1)
    send(batcher, a, 'first')
    send(batcher, a, half)
    send(batcher, a, 'small')
    send(batcher, a, half)
    expect(a.socket.syscalls).toEqual([['first'], [half, 'small'], [half]])
    send(batcher, a, large)
    expect(a.socket.syscalls.at(-1)).toEqual([large])
    send(batcher, a, 'last')
    await nextTurn()
    expect(a.socket.syscalls.at(-1)).toEqual(['last'])
    expect(a.socket.writableCorked).toBe(0)
  })

  it('leaves a socket someone else corked to them, without uncorking it', async () => {
    const batcher = new TurnBatcher()
    const a = client()
    a.socket.cork()
    send(batcher, a, '1')
    send(batcher, a, '2')
    await nextTurn()
    expect(a.socket.writableCorked).toBe(1)
    expect(a.socket.syscalls).toEqual([])
  })
})
