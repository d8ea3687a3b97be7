import { describe, expect, it } from 'vitest'
import { max } from 'drizzle-orm'
import { activeUser } from '../../../../server/auth/actor'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { users } from '../../../../server/db/schema'
import { setUserDisabled } from '../../../../server/domain/user-admin'
import { demoActor, demoUserId, tenantId, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle

useDemoDatabase((demo) => {
  handle = demo.handle
})

describe('activeUser', () => {
  it('returns the user with the tenant name and no password hash or disabled flag', async () => {
    const id = await demoUserId(handle.db, 'operator', 'northwind')
    const user = await activeUser(handle.db, id)
    expect(user).toEqual({
      id,
      tenantId: await tenantId(handle.db, 'northwind'),
      tenantName: 'Northwind Logistics',
      email: 'operator@northwind.example',
      name: 'Northwind operator',
      role: 'operator',
      isOwner: false,
      locale: null,
    })
  })

  it('returns each demo user with their own tenant', async () => {
    const admin = await activeUser(handle.db, await demoUserId(handle.db, 'admin', 'greenfield'))
    expect(admin).toMatchObject({ role: 'admin', tenantName: 'Greenfield Farms', tenantId: await tenantId(handle.db, 'greenfield') })
  })

  it('returns null for an unknown user id', async () => {
    const [{ highest } = { highest: 0 }] = await handle.db.select({ highest: max(users.id) }).from(users)
    await expect(activeUser(handle.db, (highest ?? 0) + 1)).resolves.toBeNull()
    await expect(activeUser(handle.db, 0)).resolves.toBeNull()
    await expect(activeUser(handle.db, -1)).resolves.toBeNull()
  })

  it('returns null for a disabled user, and the user again once re-enabled', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const viewerId = await demoUserId(handle.db, 'viewer', 'greenfield')
    expect(await activeUser(handle.db, viewerId)).not.toBeNull()
    try {
      await expect(setUserDisabled(handle.db, admin, viewerId, true)).resolves.toBe(true)
      await expect(activeUser(handle.db, viewerId)).resolves.toBeNull()
    }
    finally {
      await setUserDisabled(handle.db, admin, viewerId, false)
    }
    await expect(activeUser(handle.db, viewerId)).resolves.toMatchObject({ id: viewerId, email: 'viewer@greenfield.example' })
  })
})
