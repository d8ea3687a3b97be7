// Two nodes sharing PostgreSQL and Redis: each Modbus gateway is polled by exactly one of them (a lease in
// Redis), and when that node dies the other takes the gateway over within two poll intervals.
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, login } from '../support/http-session'
import type { ModbusDevice } from '../support/modbus-device'
import { startModbusDevice } from '../support/modbus-device'
import { createModbusGateway, until } from '../support/modbus-gateways'
import { startPostgres } from '../support/postgres-process'
import type { PostgresProcess } from '../support/postgres-process'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const INTERVAL_MS = 2000

let postgres: PostgresProcess
let redis: RedisProcess
let nodes: ServerProcess[] = []
let device: ModbusDevice
let inspect: Redis

beforeAll(async () => {
  postgres = await startPostgres()
  redis = await startRedis()
  const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, SESSION_SECRET: 's'.repeat(40), MODBUS_REFRESH_MS: '200' }
  // One after the other: the first migrates and seeds the shared database.
  nodes.push(await startServer(env))
  nodes.push(await startServer(env))
  device = await startModbusDevice({ 0: 42 })
  inspect = new Redis(redis.url)
}, 180_000)

afterAll(async () => {
  inspect?.disconnect()
  await device?.close()
  await Promise.all(nodes.map(node => node.stop()))
  await redis?.dispose()
  await postgres?.stop()
})

describe('Modbus polling in a cluster', () => {
  it('polls a gateway from one node only, and from the other within two intervals of the holder dying', async () => {
    const admin = await login(nodes[0]!, demoEmail('admin', 'greenfield'))
    const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: device.port, pollIntervalMs: INTERVAL_MS }, 'CLUSTER-1', [{ register: 0, label: 'A' }])
    const lease = `lookout:modbus:lease:${gateway.id}`
    await until(() => device.requests() >= 3, 'three polls', 30_000)
    // Both nodes have had several lease checks by now: only one of them ever connected.
    expect(device.connections()).toBe(1)
    const holder = await inspect.get(lease)
    const holderNode = nodes.find(node => holder?.startsWith(`${node.pid}-`))
    expect(holderNode).toBeDefined()
    const survivor = nodes.find(node => node !== holderNode)!

    const requestsBefore = device.requests()
    const killedAt = performance.now()
    holderNode!.child.kill('SIGKILL')
    await until(() => device.requests() > requestsBefore, 'a poll by the surviving node', 30_000)
    const takeoverMs = performance.now() - killedAt
    expect(await inspect.get(lease)).toMatch(new RegExp(`^${survivor.pid}-`))
    await until(() => device.connections() === 1, 'only the survivor\'s connection left')
    console.log(`[modbus-cluster] takeover after ${Math.round(takeoverMs)} ms (interval ${INTERVAL_MS} ms)`)
    // Two intervals (lease of 1.5 intervals, checked every half interval), plus a second of slack for timers
    // and process start-up on a loaded 2-core machine.
    expect(takeoverMs).toBeLessThan(2 * INTERVAL_MS + 1000)
    nodes = nodes.filter(node => node !== holderNode)
  }, 90_000)
})
