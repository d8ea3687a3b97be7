// Replies (pongs, errors, confirmations) count against LOOKOUT_MAX_BUFFERED_BYTES like broadcasts do.
import { describe, expect, it } from 'vitest'
import { connect, createEngine } from './fake-transport'

async function cutOffs(engine: ReturnType<typeof createEngine>): Promise<number> {
  const counter = await engine.metrics.errors.get()
  return counter.values.find(value => value.labels.code === '4100')?.value ?? 0
}

describe('replies to a client that does not read', () => {
  it.each([
    ['junk', 'not json'],
    ['a ping', '{"event":"pusher:ping"}'],
    ['a subscribe', '{"event":"pusher:subscribe","data":{"channel":"news"}}'],
  ])('cut the socket off with 4100 once its queue is past the limit, when it sends %s, and count it', async (_what, text) => {
    const engine = createEngine({ LOOKOUT_MAX_BUFFERED_BYTES: '1000' })
    const client = connect(engine)
    client.transport.clear()
    client.transport.bufferedAmount = 1000
    engine.receive(client.connection, text, false)
    expect(client.transport.raw).toHaveLength(1)
    client.transport.bufferedAmount = 1001
    engine.receive(client.connection, text, false)
    engine.receive(client.connection, text, false)
    expect(client.transport.raw).toHaveLength(1)
    expect(client.transport.closes).toEqual([{ code: 4100, reason: 'Client too slow: send buffer full' }])
    expect(await cutOffs(engine)).toBe(1)
  })
})
