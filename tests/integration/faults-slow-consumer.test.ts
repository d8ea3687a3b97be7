// A client that stops reading on a busy channel is cut off (4100), so what the server queues for it stays bounded, while the
// channel's other subscribers keep getting every event, in order, without waiting for it.
import type Pusher from 'pusher'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverSdk, waitFor } from '../support/clients'
import { RawSocket } from '../support/raw-socket'
import type { Frame } from '../support/raw-socket'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RECOVERY_PATH } from '../../shared/realtime-protocol'

const MAX_BUFFERED = 64 * 1024
const CHANNEL = 'busy-feed'
const PADDING = 'x'.repeat(60_000)
const BATCHES = 100
const PER_BATCH = 10
/** What the channel carries in all: ~60 MB, far more than the kernel's socket buffers and the 64 KB allowance. */
const TOTAL_BYTES = BATCHES * PER_BATCH * PADDING.length

let server: ServerProcess
let sdk: Pusher

beforeAll(async () => {
  server = await startServer({ LOOKOUT_MAX_BUFFERED_BYTES: String(MAX_BUFFERED), REVERB_APP_MAX_MESSAGE_SIZE: '100000' })
  sdk = serverSdk(server)
})
afterAll(() => server.stop())

/** A labelled sample of the server's /metrics, 0 when absent. */
async function metricValue(line: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const found = text.split('\n').find(candidate => candidate.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

async function subscribed(socket: RawSocket, channel: string): Promise<void> {
  socket.send({ event: 'pusher:subscribe', data: { channel } })
  await socket.next('pusher_internal:subscription_succeeded')
}

/** Event frames a socket has received (cheap: no payload parsing). */
function ticks(socket: RawSocket): number {
  return socket.frames.reduce((count, frame) => count + (frame.event === 'tick' ? 1 : 0), 0)
}

/** The `seq` and offset of each event frame, in arrival order. */
function received(frames: Frame[]): Array<{ seq: number, offset: number }> {
  return frames.filter(frame => frame.event === 'tick').map((frame) => {
    const data = JSON.parse(frame.data as string) as { seq: number, __lookout: { offset: number } }
    return { seq: data.seq, offset: data.__lookout.offset }
  })
}

/** The load generator's sockets ask for offsets, to check order and completeness. */
const RECOVERY = { autoPong: true, path: RECOVERY_PATH }

describe('a stalled consumer', () => {
  it('is cut off with 4100 after a bounded backlog, while the other subscriber gets every event in order', async () => {
    const stalled = await RawSocket.open(server, TEST_APP.key, '7', undefined, RECOVERY)
    const reader = await RawSocket.open(server, TEST_APP.key, '7', undefined, RECOVERY)
    await subscribed(stalled, CHANNEL)
    await subscribed(reader, CHANNEL)
    stalled.pause()

    let cutAtBatch = -1
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const events = Array.from({ length: PER_BATCH }, (_, i) => ({ channel: CHANNEL, name: 'tick', data: { seq: batch * PER_BATCH + i, padding: PADDING } }))
      expect((await sdk.triggerBatch(events)).status).toBe(200)
      // The reader is not held back by the stalled socket: each batch reaches it before the next is sent.
      await waitFor(() => ticks(reader) === (batch + 1) * PER_BATCH, 10_000, `batch ${batch} at the reader`)
      if (cutAtBatch < 0 && await metricValue('lookout_ws_errors_total{code="4100"}') === 1) {
        cutAtBatch = batch
        // Read again at once, before the server's 30 s close timeout destroys the socket unread.
        stalled.resume()
      }
    }

    // Cut once, early: long before the channel's volume could have queued up for it.
    expect(cutAtBatch).toBeGreaterThanOrEqual(0)
    expect(cutAtBatch).toBeLessThan(BATCHES / 2)
    expect(await metricValue('lookout_ws_errors_total{code="4100"}')).toBe(1)

    const all = received(reader.frames)
    expect(all.map(event => event.seq)).toEqual(Array.from({ length: BATCHES * PER_BATCH }, (_, i) => i))
    expect(all.map(event => event.offset)).toEqual(Array.from({ length: BATCHES * PER_BATCH }, (_, i) => i + 1))

    // Reading again, it found what was already on its way, in order, then the close telling it to back off.
    expect((await stalled.closedWith(20_000)).code).toBe(4100)
    const partial = received(stalled.frames).map(event => event.seq)
    expect(partial).toEqual(Array.from({ length: partial.length }, (_, i) => i))
    // Everything the server ever queued for the stalled socket (kernel buffers included) reached it before the
    // close frame: a small part of the channel's volume, so that is all the memory it could have held for it.
    expect(partial.length * PADDING.length).toBeLessThan(TOTAL_BYTES / 5)

    // The server forgot the stalled socket and serves the channel as before.
    const info = await (await sdk.get({ path: `/channels/${CHANNEL}`, params: { info: 'subscription_count' } })).json() as { subscription_count: number }
    expect(info.subscription_count).toBe(1)
    await sdk.trigger(CHANNEL, 'tick', { seq: BATCHES * PER_BATCH })
    await waitFor(() => ticks(reader) === BATCHES * PER_BATCH + 1, 5_000, 'an event after the cut')
    reader.close()
  }, 120_000)
})
