// The ingest scenario's sender: every body posted once with its own Idempotency-Key, and a failed request
// reported with why it failed, not just undici's "fetch failed".
import { createServer } from 'node:net'
import type { AddressInfo, Server } from 'node:net'
import { createServer as createHttpServer } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { failureText, sendBodies } from '../../../bench/ingest-sender'

const servers: Array<{ close: () => unknown }> = []

afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

function listening<T extends Server | ReturnType<typeof createHttpServer>>(server: T): Promise<string> {
  servers.push(server)
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`)))
}

describe('sendBodies', () => {
  it('posts every body once with its own Idempotency-Key under the given prefix and reports non-201 answers with their status', async () => {
    const keys: string[] = []
    const url = await listening(createHttpServer((request, response) => {
      keys.push(String(request.headers['idempotency-key']))
      request.resume().on('end', () => response.writeHead(keys.length === 2 ? 422 : 201).end('{"error":"items"}'))
    }))
    const sent = await sendBodies(url, 'token', ['{}', '{}', '{}'], 1, 'bench-readings')
    expect(keys).toEqual(['bench-readings-0', 'bench-readings-1', 'bench-readings-2'])
    expect(sent.latencies).toHaveLength(3)
    expect(sent.failures).toEqual(['batch 1: 422 {"error":"items"}'])
  })

  it('reports a connection the server closes with the cause undici hides behind "fetch failed"', async () => {
    const url = await listening(createServer(socket => socket.once('data', () => socket.destroy())))
    const sent = await sendBodies(url, 'token', ['{}'], 1)
    expect(sent.failures).toHaveLength(1)
    expect(sent.failures[0]).toMatch(/^batch 0: fetch failed: .*(other side closed|ECONNRESET)/)
  })
})

describe('failureText', () => {
  it('joins an error\'s chain of causes with their codes', () => {
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })
    expect(failureText(new TypeError('fetch failed', { cause }))).toBe('fetch failed: other side closed (UND_ERR_SOCKET)')
    expect(failureText('plain')).toBe('plain')
  })
})
