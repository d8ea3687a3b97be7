import { describe, expect, it } from 'vitest'
import { eq, max } from 'drizzle-orm'
import { activeUser, tokenActor } from '../../../../server/auth/actor'
import { formatToken, newTokenSecret } from '../../../../server/auth/api-tokens'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { apiTokens, users } from '../../../../server/db/schema'
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

describe('tokenActor', () => {
  /** A new token of `userId` with `abilities` (plus `extra` columns), as the plain text a device presents. */
  async function token(userId: number, abilities: string[], extra: Partial<typeof apiTokens.$inferInsert> = {}): Promise<{ id: number, text: string }> {
    const { secret, hash } = newTokenSecret()
    const [row] = await handle.db.insert(apiTokens).values({ userId, name: 'test', tokenHash: hash, abilities, ...extra }).returning({ id: apiTokens.id })
    return { id: row!.id, text: formatToken(row!.id, secret) }
  }

  it('resolves a live token to its user with the abilities both the token and the user\'s role hold', async () => {
    const operatorId = await demoUserId(handle.db, 'operator', 'northwind')
    const { id, text } = await token(operatorId, ['ingest', 'read'])
    const actor = await tokenActor(handle.db, text)
    expect(actor).toMatchObject({ via: 'token', tokenId: id, credential: `token:${id}`, user: await activeUser(handle.db, operatorId) })
    expect([...actor!.abilities]).toEqual(['read'])
  })

  it('refuses a wrong secret, a revoked or expired token and a token of a disabled user', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const viewerId = await demoUserId(handle.db, 'viewer', 'greenfield')
    const live = await token(viewerId, ['read'])
    await expect(tokenActor(handle.db, `${live.text.slice(0, -4)}AAAA`)).resolves.toBeNull()
    await expect(tokenActor(handle.db, (await token(viewerId, ['read'], { revokedAt: new Date() })).text)).resolves.toBeNull()
    await expect(tokenActor(handle.db, (await token(viewerId, ['read'], { expiresAt: new Date(Date.now() - 1000) })).text)).resolves.toBeNull()
    try {
      await setUserDisabled(handle.db, admin, viewerId, true)
      await expect(tokenActor(handle.db, live.text)).resolves.toBeNull()
    }
    finally {
      await setUserDisabled(handle.db, admin, viewerId, false)
    }
    await expect(tokenActor(handle.db, live.text)).resolves.toMatchObject({ tokenId: live.id })
    await handle.db.delete(apiTokens).where(eq(apiTokens.userId, viewerId))
  })
})
