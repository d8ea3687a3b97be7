import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { createSessionRecord, deleteSessionRecord, deleteUserSessions, findSessionRecord, listUserSessions, pruneExpiredSessions } from '../../../../server/auth/session-records'
import { createTestDatabase, demoUserId } from '../test-database'

let handle: DatabaseHandle
let viewer: number
let admin: number
const client = { address: '192.0.2.7', userAgent: 'test agent' }

beforeAll(async () => {
  handle = await createTestDatabase()
  viewer = await demoUserId(handle.db, 'viewer', 'greenfield')
  admin = await demoUserId(handle.db, 'admin', 'greenfield')
}, 60_000)
afterAll(async () => {
  await handle?.close()
})

describe('session records', () => {
  it('find a live session by its secret and owner only', async () => {
    const { id, secret } = await createSessionRecord(handle.db, viewer, client, 3600)
    expect(await findSessionRecord(handle.db, viewer, secret)).toBe(id)
    expect(await findSessionRecord(handle.db, admin, secret)).toBeNull()
    expect(await findSessionRecord(handle.db, viewer, `${secret}x`)).toBeNull()
  })

  it('refuse an expired session, and prune it', async () => {
    const past = new Date(Date.now() - 7200_000)
    const { secret } = await createSessionRecord(handle.db, viewer, client, 3600, past)
    expect(await findSessionRecord(handle.db, viewer, secret)).toBeNull()
    expect(await pruneExpiredSessions(handle.db)).toBeGreaterThanOrEqual(1)
    expect((await listUserSessions(handle.db, viewer)).every(row => row.expiresAt.getTime() > Date.now())).toBe(true)
  })

  it('list the owner\'s sessions with address and user agent, and delete one or all but one', async () => {
    await deleteUserSessions(handle.db, viewer)
    const first = await createSessionRecord(handle.db, viewer, client, 3600)
    const second = await createSessionRecord(handle.db, viewer, { address: '192.0.2.8' }, 3600)
    const third = await createSessionRecord(handle.db, viewer, client, 3600)
    expect((await listUserSessions(handle.db, viewer)).map(row => [row.id, row.address, row.userAgent])).toEqual([
      [third.id, '192.0.2.7', 'test agent'], [second.id, '192.0.2.8', null], [first.id, '192.0.2.7', 'test agent'],
    ])
    expect(await deleteSessionRecord(handle.db, admin, first.id)).toBe(false)
    expect(await deleteSessionRecord(handle.db, viewer, first.id)).toBe(true)
    expect(await deleteUserSessions(handle.db, viewer, third.id)).toEqual([second.id])
    expect((await listUserSessions(handle.db, viewer)).map(row => row.id)).toEqual([third.id])
  })
})
