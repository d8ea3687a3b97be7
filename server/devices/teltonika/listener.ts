// The TCP listener trackers connect to (TELTONIKA_PORT): one TrackerConnection per socket, closed when idle.
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import type { TrackedVehicle } from '../../domain/vehicles/vehicle-by-imei'
import { HandshakeRefusals } from './handshake-refusals'
import type { TrackerBackend } from './tracker-connection'
import { TrackerConnection } from './tracker-connection'

export interface TeltonikaListenerOptions {
  port: number
  host?: string
  /** A connection silent this long is closed (trackers reconnect when they have data). */
  idleTimeoutMs: number
  log: (message: string) => void
  onIdentified?: (vehicle: TrackedVehicle, imei: string, connection: TrackerConnection) => void
  onClosed?: (connection: TrackerConnection) => void
}

export interface TeltonikaListener {
  /** The port it listens on (the real one when 0 was asked for). */
  port: number
  /** Open tracker connections. */
  connections: () => number
  close: () => Promise<void>
}

/** Starts listening; resolves once the port is bound. */
export async function startTeltonikaListener(backend: TrackerBackend, options: TeltonikaListenerOptions): Promise<TeltonikaListener> {
  const refusals = new HandshakeRefusals()
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.setNoDelay(true)
    socket.setTimeout(options.idleTimeoutMs, () => socket.destroy())
    const connection: TrackerConnection = new TrackerConnection(socket, backend, {
      address: socket.remoteAddress ?? 'unknown',
      refusals,
      log: options.log,
      onIdentified: (vehicle, imei) => options.onIdentified?.(vehicle, imei, connection),
    })
    socket.on('data', chunk => connection.receive(chunk))
    // A reset by the tracker is its business; 'close' follows and cleans up.
    socket.on('error', () => {})
    socket.on('close', () => {
      sockets.delete(socket)
      connection.close()
      options.onClosed?.(connection)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    connections: () => sockets.size,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
  }
}
