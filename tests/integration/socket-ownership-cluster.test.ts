// Socket ownership across nodes: a signature issued on one node binds a socket held by another, and disabling
// the user on a third path closes it there within 2 s (two built servers sharing a real redis-server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster } from '../support/cluster'
import { demoEmail, login } from '../support/http-session'
import { RawSocket } from '../support/raw-socket'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import { TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let redis: RedisProcess
let a: ServerProcess
let b: ServerProcess

beforeAll(async () => {
  redis = await startRedis()
  ;[a, b] = await startCluster(redis, 2) as [ServerProcess, ServerProcess]
}, 180_000)
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await redis?.dispose()
})

describe('socket ownership in a cluster', () => {
  it('closes a socket on node B that node A signed for, when the user is disabled on node A', async () => {
    // Each node has its own embedded database here: the sessions below are node A's.
    const admin = await login(a, demoEmail('admin', 'greenfield'))
    const viewer = await login(a, demoEmail('viewer', 'greenfield'))
    const socket = await RawSocket.open(b, TEST_APP.key)
    const channel = 'private-tenant.1.alerts'
    const signed = await viewer.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: socket.established.socket_id, channel_name: channel }) })
    socket.send({ event: 'pusher:subscribe', data: { channel, ...await signed.json() as object } })
    await socket.next('pusher_internal:subscription_succeeded', 5_000)
    try {
      const disabled = await admin.fetch(`/api/users/${viewer.user.id}/disable`, { method: 'POST' })
      expect(disabled.status).toBe(200)
      expect(await socket.closedWith(2_000)).toMatchObject({ code: 4009 })
    }
    finally {
      await admin.fetch(`/api/users/${viewer.user.id}/enable`, { method: 'POST' })
      socket.close()
    }
  })
})
