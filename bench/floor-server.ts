// The machine's floor for the fan-out scenarios: the least a Node server does to deliver Pusher events over `ws`, through the
// real server's write path (each event framed once, the same bytes written to every subscriber's TCP socket). No auth, no
// history, no limits, no channel types: a baseline that shows what the kernel and the load generator cost on their own, never
// a server to use. Run by the benchmark (`node --import tsx bench/floor-server.ts`, HOST and PORT from the environment).
import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { payloadShape, withRecoveryMeta } from '../server/realtime/recovery-meta'
import { textFrame } from '../server/realtime/ws-transport'

/** A `ws` socket with the TCP socket it writes to (a `ws` internal, also used by server/realtime/ws-transport.ts). */
type RawSocket = WebSocket & { _socket: { write: (chunk: Buffer) => boolean } }

const PONG = JSON.stringify({ event: 'pusher:pong', data: '{}' })
const subscribers = new Map<string, Set<RawSocket>>()
let sockets = 0
let offset = 0

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const server = createServer((request, response) => {
  void readBody(request).then((body) => {
    // Every request is answered 200 `{}` (the readiness check too); only published events do anything.
    if (request.method === 'POST' && /^\/apps\/[^/?]+\/events(\?|$)/.test(request.url ?? '')) publish(parse(body))
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
})
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, ws => connected(ws as RawSocket)))
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})

/** Pusher protocol 7, as far as the load generator uses it: the greeting, subscribing and pings. */
function connected(ws: RawSocket): void {
  const socketId = `${process.pid}.${++sockets}`
  ws.send(JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: socketId, activity_timeout: 120 }) }))
  ws.on('message', (raw) => {
    const { event, data } = parse(String(raw))
    const channel = (data as { channel?: unknown } | undefined)?.channel
    if (event === 'pusher:ping') {
      ws.send(PONG)
    }
    else if (event === 'pusher:subscribe' && typeof channel === 'string') {
      subscribers.set(channel, (subscribers.get(channel) ?? new Set<RawSocket>()).add(ws))
      ws.send(JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel, data: '{}' }))
    }
  })
  ws.on('close', () => {
    for (const members of subscribers.values()) members.delete(ws)
  })
}

/** One frame per channel, with the `__lookout` send time the load generator measures from, written to each subscriber. */
function publish({ name, data, channels, channel }: Record<string, unknown>): void {
  const now = Date.now()
  const payload = String(data)
  const shape = payloadShape(payload)
  for (const target of Array.isArray(channels) ? channels as string[] : [String(channel)]) {
    const text = JSON.stringify({ event: name, channel: target, data: withRecoveryMeta(payload, shape, ++offset, now) })
    const wire = textFrame(Buffer.from(text))
    for (const ws of subscribers.get(target) ?? []) if (ws.readyState === ws.OPEN) ws._socket.write(wire)
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => resolve(body))
  })
}

/** A JSON object, or an empty one for anything else: the floor ignores what it does not understand. */
function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {}
  }
  catch {
    return {}
  }
}
