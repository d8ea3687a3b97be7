// WebSocket endpoint /app/{key}: adapts crossws peers to the realtime engine.
import type { Socket } from 'node:net'
import type { Peer } from 'crossws'
import type { WebSocket } from 'ws'
import { clientAddress, trustsProxy } from '../../auth/client-address'
import { AddressSlots } from '../../realtime/address-slots'
import type { Connection } from '../../realtime/connection'
import { isOriginAllowed } from '../../realtime/origin'

const connections = new WeakMap<Peer, Connection>()
let slots: AddressSlots | null = null

export default defineWebSocketHandler({
  upgrade(request) {
    // Refused before the handshake, so a page from another origin never gets a socket at all.
    const app = useRealtimeEngine().appByKey(appKeyOf(request.url))
    if (app && !isOriginAllowed(app.app.allowedOrigins, request.headers.get('origin'), request.headers.get('host'))) {
      return new Response('Origin not allowed', { status: 403 })
    }
    // A slot is held by the TCP socket, from the upgrade until it closes, so a handshake that fails
    // after this point gives it back too; refusing here costs no WebSocket and no engine state.
    const socket = nodeSocketOf(request)
    if (!socket) return
    slots ??= new AddressSlots(useRealtimeEngine().limits.maxConnectionsPerIp)
    const release = slots.acquire(clientAddress(socket.remoteAddress, request.headers.get('x-forwarded-for'), trustsProxy()))
    if (!release) {
      return new Response('Too many connections from this address', { status: 429, headers: { 'retry-after': '10' } })
    }
    socket.once('close', release)
    if (socket.destroyed) release()
  },

  open(peer) {
    const engine = useRealtimeEngine()
    const url = new URL(peer.request?.url ?? '/', 'http://localhost')
    const ws = peer.websocket as unknown as WebSocket
    const app = engine.appByKey(appKeyOf(url.href))
    limitFrameSize(ws, app ? app.app.maxMessageSize : 0)
    const connection = engine.open({
      send: frame => ws.send(frame, { binary: false }),
      close: (code, reason) => ws.close(code, reason),
      get bufferedAmount() {
        return ws.bufferedAmount
      },
    }, {
      appKey: appKeyOf(url.href),
      protocol: url.searchParams.get('protocol'),
      origin: peer.request?.headers?.get('origin') ?? null,
      host: peer.request?.headers?.get('host') ?? null,
    })
    if (!connection) return
    connections.set(peer, connection)
    // Listening on the socket itself keeps the binary flag, which crossws's message hook drops.
    ws.on('message', (data: Buffer, isBinary: boolean) => engine.receive(connection, data, isBinary))
  },

  close(peer) {
    const connection = connections.get(peer)
    if (connection) useRealtimeEngine().closed(connection)
    connections.delete(peer)
  },
})

/** The TCP socket under crossws's Node request proxy (crossws exposes the address only once the socket is open). */
function nodeSocketOf(request: { headers: Headers }): Socket | undefined {
  return (request as unknown as { _req?: { socket?: Socket } })._req?.socket
}

function appKeyOf(url: string): string {
  const path = new URL(url, 'http://localhost').pathname
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
}

/**
 * `ws` accepts 100 MiB frames by default and crossws offers no option for it; its receiver's limit
 * is set per socket so an oversized frame closes the socket (1009) instead of filling memory.
 */
function limitFrameSize(ws: WebSocket, maxMessageSize: number): void {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload: number } })._receiver
  if (receiver) receiver._maxPayload = Math.max(64 * 1024, maxMessageSize * 2 + 4096)
}
