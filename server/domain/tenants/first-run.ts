// The first run: while no user exists, anyone reaching the server may create the first tenant and its
// admin, who owns the installation. Once a user exists it is refused, so it cannot take over an installation.
import { sql } from 'drizzle-orm'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { users } from '../../db/schema'
import { announceActivity } from '../activity'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { NewTenant } from './new-tenant'
import { insertTenantWithAdmin } from './new-tenant'
import type { NewTenantInput } from './tenant-schema'

/** True while the installation has no user at all. */
export async function setupNeeded(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1)
  return row === undefined
}

/** Creates the first tenant and its owner admin; 409 once any user exists (also for a concurrent second call). */
export async function runFirstSetup(ctx: DomainContext, input: NewTenantInput): Promise<NewTenant> {
  const created = await ctx.db.transaction(async (tx) => {
    // Two setups at once: the second waits here and then sees the first one's user.
    await tx.execute(sql`LOCK TABLE ${users} IN EXCLUSIVE MODE`)
    if (!await setupNeeded(tx)) throw new DomainError(409, 'setup', 'this installation is set up already; sign in instead')
    return insertTenantWithAdmin(tx, input, { isOwner: true, byUserId: null, at: ctx.now() })
  })
  announceActivity(ctx, [created.activity])
  return created
}

/** Creates a further tenant and its first admin; only the installation's owner, signed in, may. */
export async function createTenant(ctx: DomainContext, actor: Actor, input: NewTenantInput): Promise<NewTenant> {
  if (!actor.user.isOwner || actor.via !== 'session') throw new DomainError(403, 'tenant', 'only the installation\'s owner, signed in, may create tenants')
  const created = await ctx.db.transaction(tx => insertTenantWithAdmin(tx, input, { isOwner: false, byUserId: actor.user.id, at: ctx.now() }))
  announceActivity(ctx, [created.activity])
  return created
}
