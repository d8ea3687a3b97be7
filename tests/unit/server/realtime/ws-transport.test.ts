// WsTransport over a real `ws` server and client: shared frames arrive as the text frames ws.send would write.
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as wsModule from 'ws'
import WebSocket, { WebSocketServer } from 'ws'
import type { RawData } from 'ws'
import type { SharedFrame } from '../../../../server/realtime/transport'
import { textFrame, WsTransport } from '../../../../server/realtime/ws-transport'

type FrameOptions = { fin: boolean, rsv1: boolean, opcode: number, mask: boolean, readOnly: boolean }
// ws's own framing, which its types do not declare.
const { Sender } = wsModule as unknown as { Sender: { frame: (data: Buffer, options: FrameOptions) => Buffer[] } }

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A server-side socket wrapped in a WsTransport, and the text messages its client receives. */
async function pair(): Promise<{ server: WebSocket, transport: WsTransport, received: Array<{ text: string, binary: boolean }> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise(resolve => wss.once('listening', resolve))
  const accepted = new Promise<WebSocket>(resolve => wss.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  const received: Array<{ text: string, binary: boolean }> = []
  client.on('message', (data: RawData, binary: boolean) => received.push({ text: data.toString(), binary }))
  await new Promise(resolve => client.once('open', resolve))
  const server = await accepted
  cleanups.push(() => {
    client.terminate()
    wss.close()
  })
  return { server, transport: new WsTransport(server), received }
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000
  while (!check() && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 5))
}

describe('textFrame', () => {
  it('encodes exactly as ws frames an unmasked text message, for 7-, 16- and 64-bit lengths', () => {
    for (const length of [0, 125, 126, 65_535, 65_536]) {
      const data = Buffer.alloc(length, 'x')
      const expected = Buffer.concat(Sender.frame(data, { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false }))
      expect(textFrame(data).equals(expected)).toBe(true)
    }
  })
})

describe('WsTransport', () => {
  it('delivers shared frames as text, in order with frames sent one by one, encoding each shared frame once', async () => {
    const { transport, received } = await pair()
    const shared: SharedFrame = { data: Buffer.from('{"event":"a"}') }
    const large = { data: Buffer.from(JSON.stringify({ event: 'b', data: 'y'.repeat(70_000) })) }
    transport.send(Buffer.from('{"event":"first"}'))
    transport.sendShared(shared)
    const wire = shared.wire
    transport.sendShared(shared)
    transport.send('{"event":"last"}')
    transport.sendShared(large)
    await until(() => received.length === 5)
    expect(shared.wire).toBe(wire)
    expect(received.map(message => message.binary)).toEqual([false, false, false, false, false])
    expect(received.map(message => message.text)).toEqual(['{"event":"first"}', '{"event":"a"}', '{"event":"a"}', '{"event":"last"}', large.data.toString()])
  })

  it('leaves the frame to ws.send while its sender has something queued', async () => {
    const { server, transport, received } = await pair()
    const sender = (server as unknown as { _sender: { _state: number } })._sender
    const sent: unknown[] = []
    server.send = ((data: Buffer) => sent.push(data)) as unknown as typeof server.send
    sender._state = 1
    const shared: SharedFrame = { data: Buffer.from('{"event":"queued"}') }
    transport.sendShared(shared)
    expect(sent).toEqual([shared.data])
    expect(shared.wire).toBeUndefined()
    sender._state = 0
    transport.sendShared(shared)
    expect(sent).toHaveLength(1)
    expect(shared.wire).toBeInstanceOf(Buffer)
    await until(() => received.length === 1)
    expect(received).toEqual([{ text: '{"event":"queued"}', binary: false }])
  })

  it('writes nothing once the socket is closing', async () => {
    const { server, transport, received } = await pair()
    server.close(4200, 'bye')
    transport.sendShared({ data: Buffer.from('{"event":"late"}') })
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(received).toEqual([])
  })
})
