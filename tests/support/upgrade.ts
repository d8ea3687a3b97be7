// A WebSocket upgrade to the test server that reports its HTTP answer: 101 and an open socket, or the refusal's status.
import { WebSocket } from 'ws'
import type { ServerProcess } from './server-process'

export interface UpgradeResult {
  /** 101 when the socket opened, else the status the server refused the upgrade with. */
  status: number
  /** The open socket (status 101 only). */
  ws?: WebSocket
  /** Headers of a refused upgrade. */
  headers?: Record<string, string | string[] | undefined>
  /** Text frames received on the open socket so far. */
  frames: string[]
}

/** Upgrades `/app/{key}?protocol=7` with extra request `headers`; never rejects (a network error is status 0). */
export function upgrade(server: ServerProcess, key: string, headers: Record<string, string> = {}): Promise<UpgradeResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${key}?protocol=7`, { headers })
    const frames: string[] = []
    ws.on('message', data => frames.push(data.toString()))
    ws.on('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0, headers: response.headers, frames }))
    ws.on('open', () => resolve({ status: 101, ws, frames }))
    ws.on('error', () => resolve({ status: 0, frames }))
  })
}

/** Closes a client socket and resolves once its TCP connection is gone. */
export function closeSocket(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve()
    ws.once('close', () => resolve())
    ws.close()
  })
}
