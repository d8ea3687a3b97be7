import { describe, expect, it } from 'vitest'
import { encodeCommand } from '../../../../../server/devices/teltonika/codec12'
import type { TrackerConnection } from '../../../../../server/devices/teltonika/tracker-connection'
import { TrackerSessions } from '../../../../../server/devices/teltonika/tracker-sessions'

/** A command queue per vehicle standing in for the domain, and a connection that records what it sends. */
function harness(queued: Array<{ id: number, text: string }>) {
  const finished: Array<[number, string]> = []
  const sent: Buffer[] = []
  const sessions = new TrackerSessions({
    take: async () => queued.shift() ?? null,
    finish: async (id, response) => finished.push([id, response]),
  }, () => undefined)
  const connection = { send: (bytes: Buffer) => sent.push(bytes) > 0 } as unknown as TrackerConnection
  return { sessions, connection, sent, finished }
}

describe('TrackerSessions', () => {
  it('sends the first queued command when the tracker attaches, and only that one until it is answered', async () => {
    const h = harness([{ id: 1, text: 'setdigout 1' }, { id: 2, text: 'getver' }])
    h.sessions.attach(7, h.connection)
    await h.sessions.deliver(7)
    expect(h.sent).toEqual([encodeCommand('setdigout 1')])
    await h.sessions.response(7, 'DOUT1:1')
    expect(h.finished).toEqual([[1, 'DOUT1:1']])
    expect(h.sent).toEqual([encodeCommand('setdigout 1'), encodeCommand('getver')])
  })

  it('takes nothing for a vehicle whose tracker is not attached, and ignores answers to no command', async () => {
    const queued = [{ id: 1, text: 'getver' }]
    const h = harness(queued)
    await h.sessions.deliver(7)
    await h.sessions.response(7, 'stray')
    expect([h.sent, h.finished, queued.length]).toEqual([[], [], 1])
  })

  it('stops delivering to a tracker once its connection is detached', async () => {
    const queued: Array<{ id: number, text: string }> = []
    const h = harness(queued)
    h.sessions.attach(8, h.connection)
    h.sessions.detach(h.connection)
    queued.push({ id: 3, text: 'getver' })
    await h.sessions.deliver(8)
    expect([h.sent, queued.length]).toEqual([[], 1])
  })
})
