// One raw WebSocket upgrade request, reporting the HTTP answer: 101 when the handshake completed, else the status.
import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { REQUEST_TIMEOUT_MS } from './timed-fetch'

/** The HTTP status the upgrade got (101 with a valid accept key), or 0 with the network error. */
export interface UpgradeAnswer {
  status: number
  error?: string
}

/** Asks `base` to upgrade `/app/{key}?protocol=7` as a page at `origin` would. */
export function probeUpgrade(base: URL, appKey: string, origin: string): Promise<UpgradeAnswer> {
  const key = randomBytes(16).toString('base64')
  const expectedAccept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64')
  const request = (base.protocol === 'https:' ? httpsRequest : httpRequest)(new URL(`/app/${encodeURIComponent(appKey)}?protocol=7`, base), {
    headers: { 'Connection': 'Upgrade', 'Upgrade': 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key, 'Origin': origin },
    timeout: REQUEST_TIMEOUT_MS,
  })
  return new Promise((resolve) => {
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve(response.headers['sec-websocket-accept'] === expectedAccept ? { status: 101 } : { status: 0, error: 'the handshake answer carries a wrong Sec-WebSocket-Accept' })
    })
    request.on('response', (response) => {
      response.resume()
      resolve({ status: response.statusCode ?? 0 })
    })
    request.on('timeout', () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)))
    request.on('error', error => resolve({ status: 0, error: error.message }))
    request.end()
  })
}
