import { afterEach, describe, expect, it } from 'vitest'
import { eq, isNotNull, max } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { users } from '../../../../server/db/schema'
import { isTenantUser, setUserDisabled } from '../../../../server/domain/user-admin'
import { demoActor, demoUserId, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle

async function disabledAt(userId: number): Promise<Date | null> {
  const [row] = await handle.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId))
  return row!.disabledAt
}

useDemoDatabase((demo) => {
  handle = demo.handle
})

afterEach(async () => {
  await handle.db.update(users).set({ disabledAt: null })
})

describe('setUserDisabled', () => {
  it('sets disabled_at on a user of the admin\'s tenant and clears it again', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const operatorId = await demoUserId(handle.db, 'operator', 'greenfield')
    const before = Date.now()
    await expect(setUserDisabled(handle.db, admin, operatorId, true)).resolves.toBe(true)
    const stamp = await disabledAt(operatorId)
    expect(stamp).toBeInstanceOf(Date)
    expect(stamp!.getTime()).toBeGreaterThanOrEqual(before - 1_000)
    await expect(setUserDisabled(handle.db, admin, operatorId, false)).resolves.toBe(true)
    await expect(disabledAt(operatorId)).resolves.toBeNull()
  })

  it('only touches the one user', async () => {
    const admin = await demoActor(handle.db, 'admin', 'northwind')
    await setUserDisabled(handle.db, admin, await demoUserId(handle.db, 'viewer', 'northwind'), true)
    const disabled = await handle.db.select({ email: users.email }).from(users).where(isNotNull(users.disabledAt))
    expect(disabled.map(row => row.email)).toEqual(['viewer@northwind.example'])
  })

  it('refuses (false) a user of another tenant and leaves them enabled', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const foreignId = await demoUserId(handle.db, 'operator', 'northwind')
    await expect(setUserDisabled(handle.db, admin, foreignId, true)).resolves.toBe(false)
    await expect(disabledAt(foreignId)).resolves.toBeNull()
  })

  it('returns false for an unknown user id', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const [{ highest } = { highest: 0 }] = await handle.db.select({ highest: max(users.id) }).from(users)
    await expect(setUserDisabled(handle.db, admin, (highest ?? 0) + 1, true)).resolves.toBe(false)
  })
})

describe('isTenantUser', () => {
  it('is true for users of the admin\'s tenant, including the admin', async () => {
    const admin = await demoActor(handle.db, 'admin', 'northwind')
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      await expect(isTenantUser(handle.db, admin, await demoUserId(handle.db, role, 'northwind'))).resolves.toBe(true)
    }
  })

  it('is false for users of another tenant and unknown ids', async () => {
    const admin = await demoActor(handle.db, 'admin', 'northwind')
    await expect(isTenantUser(handle.db, admin, await demoUserId(handle.db, 'admin', 'greenfield'))).resolves.toBe(false)
    await expect(isTenantUser(handle.db, admin, 0)).resolves.toBe(false)
  })

  it('still counts a disabled user as a tenant user', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const viewerId = await demoUserId(handle.db, 'viewer', 'greenfield')
    await setUserDisabled(handle.db, admin, viewerId, true)
    await expect(isTenantUser(handle.db, admin, viewerId)).resolves.toBe(true)
  })
})
