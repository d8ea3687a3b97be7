// Modbus faults against real peers on loopback: wrong transaction ids, truncated and garbage frames, resets
// mid-read, a gateway that never answers beside one that does, gateways reconfigured or deleted mid-poll, and
// memory that stays flat under failing polls.
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import type { RawRequest } from '../support/modbus-device'
import { holdingAnswer, startModbusDevice, startRawModbusServer } from '../support/modbus-device'
import { createModbusGateway, detail, until } from '../support/modbus-gateways'
import { MEMORY_PROBE_ENV, settledMemory } from '../support/server-memory'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let admin: Session
let client: PusherJs

beforeAll(async () => {
  server = await startServer({ MODBUS_REFRESH_MS: '200', MODBUS_RECONNECT_MAX_MS: '100', ...MEMORY_PROBE_ENV })
  admin = await login(server, demoEmail('admin', 'greenfield'))
  client = pusherClient(server, serverSdk(server))
  await connected(client)
}, 120_000)

afterAll(async () => {
  client?.disconnect()
  await server?.stop()
})

/** The connection test of a fresh gateway with one holding register, against a raw server answering with `reply`. */
async function testAgainst(serial: string, reply: (request: RawRequest) => void): Promise<{ kind: string, message: string }> {
  const raw = await startRawModbusServer(reply)
  try {
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, serial, [{ register: 0, label: 'A' }])
    const response = await admin.fetch(`/api/gateways/${gateway.id}/test`, { method: 'POST', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: raw.port, timeoutMs: 300 } }) })
    expect(response.status).toBe(200)
    return (await response.json() as { data: { points: Array<{ error: { kind: string, message: string } }> } }).data.points[0]!.error
  }
  finally {
    await raw.close()
  }
}

describe('Modbus frames that do not answer the request', () => {
  it('treats an answer under the wrong transaction id as no answer: a timeout', async () => {
    const error = await testAgainst('FAULT-TID', request => request.socket.write(holdingAnswer((request.transactionId + 1) % 65536, request.unitId, [7])))
    expect(error.kind).toBe('timeout')
  })

  it('times out on a truncated frame', async () => {
    const error = await testAgainst('FAULT-TRUNC', request => request.socket.write(holdingAnswer(request.transactionId, request.unitId, [7]).subarray(0, 8)))
    expect(error.kind).toBe('timeout')
  })

  it('times out on garbage that is not Modbus at all', async () => {
    const error = await testAgainst('FAULT-HTTP', request => request.socket.write('HTTP/1.1 400 Bad Request\r\n\r\n'))
    expect(error.kind).toBe('timeout')
  })

  it('names a frame of the right transaction but the wrong size a bad answer', async () => {
    const error = await testAgainst('FAULT-SIZE', request => request.socket.write(holdingAnswer(request.transactionId, request.unitId, [7, 8, 9])))
    expect(error.kind).toBe('bad-response')
    expect(error.message).toMatch(/length/)
  })

  it('names a connection reset in the middle of a read', async () => {
    const error = await testAgainst('FAULT-RESET', request => request.socket.resetAndDestroy())
    expect(error.kind).toBe('connection-closed')
  })
})

describe('Modbus poller under faults', () => {
  it('keeps polling healthy gateways on schedule while another never answers', async () => {
    const silent = await startRawModbusServer(() => {})
    const healthy = await startModbusDevice({ 0: 5 })
    try {
      const stuck = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: silent.port, pollIntervalMs: 300, timeoutMs: 300 }, 'STUCK-1', [{ register: 0, label: 'A' }])
      const good = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: healthy.port, pollIntervalMs: 300 }, 'GOOD-1', [{ register: 0, label: 'A' }])
      const events: unknown[] = []
      client.subscribe(`private-gateway.${good.id}`).bind('reading.new', (data: unknown) => events.push(data))
      await until(async () => (await detail(admin, stuck.id)).pollHealth!.consecutiveFailures >= 1, 'a first failed poll of the stuck gateway')
      const before = events.length
      await until(async () => (await detail(admin, stuck.id)).pollHealth!.consecutiveFailures >= 4, 'four failed polls of the stuck gateway', 30_000)
      expect(events.length - before).toBeGreaterThanOrEqual(3)
      expect((await detail(admin, stuck.id)).pollHealth!.lastError).toMatch(/no answer .* within 300 ms/)
      expect((await detail(admin, good.id)).pollHealth).toMatchObject({ consecutiveFailures: 0, lastError: null })
    }
    finally {
      await silent.close()
      await healthy.close()
    }
  })

  it('drops a poll in flight when its gateway is pointed at another device, and polls the new one', async () => {
    const old = await startModbusDevice({ 0: 111 })
    const next = await startModbusDevice({ 0: 222 })
    try {
      old.delayMs = 1500
      const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: old.port, pollIntervalMs: 300, timeoutMs: 5000 }, 'MOVED-1', [{ register: 0, label: 'A' }])
      await until(() => old.requests() >= 1, 'a poll in flight')
      const patched = await admin.fetch(`/api/gateways/${gateway.id}`, { method: 'PATCH', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: next.port, pollIntervalMs: 300 } }) })
      expect(patched.status).toBe(200)
      const changedAt = new Date().toISOString()
      const point = (await detail(admin, gateway.id)).groups[0]!.dataPoints[0]!
      await until(async () => (await detail(admin, gateway.id)).groups[0]!.dataPoints[0]!.lastValue === 222, 'a reading of the new device')
      await until(() => old.connections() === 0, 'the old connection closed once its poll ended')
      const history = await (await admin.fetch(`/api/gateways/${gateway.id}/readings?dataPointId=${point.id}&from=${changedAt}`)).json() as { data: { points: Array<{ value: number }> } }
      expect(history.data.points.map(reading => reading.value)).not.toContain(111)
    }
    finally {
      await old.close()
      await next.close()
    }
  })

  it('stores nothing of a poll in flight when its gateway is deleted, and closes the connection', async () => {
    const slow = await startModbusDevice({ 0: 9 })
    try {
      slow.delayMs = 1500
      const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: slow.port, pollIntervalMs: 300, timeoutMs: 5000 }, 'GONE-1', [{ register: 0, label: 'A' }])
      await until(() => slow.requests() >= 1, 'a poll in flight')
      expect((await admin.fetch(`/api/gateways/${gateway.id}`, { method: 'DELETE' })).status).toBe(200)
      await until(() => slow.connections() === 0, 'the connection closed')
      const requests = slow.requests()
      await new Promise(resolve => setTimeout(resolve, 2000))
      expect(slow.requests()).toBe(requests)
      const shown = await detail(admin, gateway.id)
      expect(shown.groups[0]!.dataPoints[0]!.lastValue).toBeNull()
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    }
    finally {
      await slow.close()
    }
  })

  it('keeps its memory flat while gateways fail poll after poll (resets, wrong transaction ids)', async () => {
    const resetting = await startRawModbusServer(request => request.socket.resetAndDestroy())
    const confused = await startRawModbusServer(request => request.socket.write(holdingAnswer((request.transactionId + 7) % 65536, request.unitId, [1])))
    try {
      const ids: number[] = []
      for (let index = 0; index < 10; index++) {
        const port = index % 2 === 0 ? resetting.port : confused.port
        ids.push((await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port, pollIntervalMs: 200, timeoutMs: 100 }, `LEAK-${index}`, [{ register: 0, label: 'A' }, { register: 5, label: 'B' }])).id)
      }
      const failures = async () => Math.min(...await Promise.all(ids.map(async id => (await detail(admin, id)).pollHealth!.consecutiveFailures)))
      await until(async () => await failures() >= 10, 'ten failed polls of every gateway', 60_000)
      const before = await settledMemory(server)
      const reached = await failures()
      await until(async () => await failures() >= reached + 60, 'sixty more failed polls of every gateway', 120_000)
      const after = await settledMemory(server)
      expect(after.heapUsed - before.heapUsed).toBeLessThan(8 * 1024 * 1024)
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    }
    finally {
      await resetting.close()
      await confused.close()
    }
  }, 240_000)
})
