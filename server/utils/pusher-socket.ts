// The Pusher WebSocket endpoint's handler: adapts crossws peers to the realtime engine. Mounted at
// /app/{key} (Pusher's path: payloads untouched) and /lookout/app/{key} (events carry offsets).
import type { IncomingMessage } from 'node:http'
import type { Peer } from 'crossws'
import type { WebSocket } from 'ws'
import { clientAddress, trustsProxy } from '../auth/client-address'
import { AddressSlots } from '../realtime/address-slots'
import type { Connection } from '../realtime/connection'
import type { OpenRequest } from '../realtime/engine'
import { isOriginAllowed } from '../realtime/origin'
import { WsTransport } from '../realtime/ws-transport'

/** What a peer's crossws context holds: the upgrade request's details, then the engine's connection. */
interface PeerContext {
  realtime?: OpenRequest
  connection?: Connection
}

// One per process, shared by both paths: the per-address limit counts every socket of an address.
let slots: AddressSlots | null = null

/** The WebSocket handler of one endpoint path; `recovery` marks sockets that asked for offsets. */
export function pusherSocketHandler(recovery: boolean) {
  return defineWebSocketHandler({
  upgrade(request) {
    // Everything the engine needs is read here, once, and handed to open() through the peer's
    // context: reading the open-time request's headers would build objects kept for the socket's life.
    const url = new URL(request.url, 'http://localhost')
    const realtime: OpenRequest = {
      appKey: appKeyOf(url.pathname),
      protocol: url.searchParams.get('protocol'),
      origin: headerOf(request, 'origin'),
      host: headerOf(request, 'host'),
      recovery,
    }
    // Refused before the handshake, so a page from another origin never gets a socket at all.
    const app = useRealtimeEngine().appByKey(realtime.appKey)
    if (app && !isOriginAllowed(app.app.allowedOrigins, realtime.origin, realtime.host)) {
      return new Response('Origin not allowed', { status: 403 })
    }
    // A slot is held by the TCP socket, from the upgrade until it closes, so a handshake that fails
    // after this point gives it back too; refusing here costs no WebSocket and no engine state.
    const node = nodeRequestOf(request)
    if (node) {
      slots ??= new AddressSlots(useRealtimeEngine().limits.maxConnectionsPerIp)
      const forwardedFor = node.headers['x-forwarded-for']
      const release = slots.acquire(clientAddress(node.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? null, trustsProxy()))
      if (!release) return new Response('Too many connections from this address', { status: 429, headers: { 'retry-after': '10' } })
      node.socket.once('close', release)
      if (node.socket.destroyed) release()
    }
    (request.context as PeerContext).realtime = realtime
  },

  open(peer) {
    const engine = useRealtimeEngine()
    const context = peer.context as PeerContext
    const ws = socketOf(peer)
    const request = context.realtime ?? { appKey: '', protocol: null, origin: null }
    const app = engine.appByKey(request.appKey)
    limitFrameSize(ws, app ? app.app.maxMessageSize : 0)
    const connection = engine.open(new WsTransport(ws), request)
    context.realtime = undefined
    if (!connection) return
    context.connection = connection
    // Listening on the socket itself keeps the binary flag, which crossws's message hook drops.
    ws.on('message', (data: Buffer, isBinary: boolean) => engine.receive(connection, data, isBinary))
  },

  close(peer) {
    const connection = (peer.context as PeerContext).connection
    if (connection) useRealtimeEngine().closed(connection)
  },
  })
}

/**
 * A header of the upgrade request, from Node's own request when crossws exposes it: the standard
 * `request.headers` builds a Headers object (about 0.6 KB) that crossws keeps for the socket's life.
 */
function headerOf(request: { headers: Headers }, name: 'origin' | 'host'): string | null {
  const node = nodeRequestOf(request)
  return node ? (node.headers[name] ?? null) : request.headers.get(name)
}

/** Node's own upgrade request under crossws's proxy (crossws exposes the client address only once the socket is open). */
function nodeRequestOf(request: { headers: Headers }): IncomingMessage | undefined {
  return (request as unknown as { _req?: IncomingMessage })._req
}

function appKeyOf(path: string): string {
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
}

/**
 * The `ws` socket itself. crossws's `peer.websocket` is a Proxy around it (adding polyfilled
 * fields), through which every property read inside `ws.send` would pass a trap: the socket is
 * taken from the peer's internals when they hold it.
 */
function socketOf(peer: Peer): WebSocket {
  const internal = (peer as unknown as { _internal?: { ws?: unknown } })._internal
  return (internal?.ws ?? peer.websocket) as WebSocket
}

/**
 * `ws` accepts 100 MiB frames by default and crossws offers no option for it; its receiver's limit
 * is set per socket so an oversized frame closes the socket (1009) instead of filling memory.
 */
function limitFrameSize(ws: WebSocket, maxMessageSize: number): void {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload: number } })._receiver
  if (receiver) receiver._maxPayload = Math.max(64 * 1024, maxMessageSize * 2 + 4096)
}
