// Creating a tenant with its first admin: the first run (/setup) and the owner's further tenants.
import { eq, like } from 'drizzle-orm'
import type { UserSettings } from '../../../shared/settings'
import { hashPassword } from '../../auth/password'
import type { Database } from '../../db/connection'
import { tenants, users } from '../../db/schema'
import { storeActivity } from '../activity'
import type { ActivityEventPayload } from '../../../shared/events'
import { DomainError } from '../errors'
import { toUserSettings } from '../users/user-settings'
import type { NewTenantInput } from './tenant-schema'
import { serverMessage } from '../../i18n/server-message'

export interface NewTenant {
  tenant: { id: number, name: string, slug: string }
  admin: UserSettings
  activity: ActivityEventPayload
}

/**
 * Inserts the tenant and its admin inside `tx`; 409 `admin.email` when the address is taken anywhere in the
 * installation. `byUserId` is the owner who did it (null for the first run).
 */
export async function insertTenantWithAdmin(tx: Database, input: NewTenantInput, options: { isOwner: boolean, byUserId: number | null, at: Date }): Promise<NewTenant> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.admin.email)).limit(1)
  if (taken) throw new DomainError(409, 'admin.email', 'is already taken')
  const [tenant] = await tx.insert(tenants).values({ name: input.tenant.name, slug: await freeSlug(tx, input.tenant.name), createdAt: options.at }).returning()
  const [admin] = await tx.insert(users).values({
    tenantId: tenant!.id, name: input.admin.name, email: input.admin.email, role: 'admin', isOwner: options.isOwner,
    passwordHash: await hashPassword(input.admin.password), createdAt: options.at,
  }).returning()
  const activity = await storeActivity(tx, {
    tenantId: tenant!.id, kind: 'tenant.created', message: serverMessage('messages.activity.tenantCreated', { tenant: tenant!.name, admin: admin!.name }),
    actorUserId: options.byUserId === null ? admin!.id : null, subject: { tenantId: tenant!.id, userId: admin!.id },
  }, options.at)
  return { tenant: { id: tenant!.id, name: tenant!.name, slug: tenant!.slug }, admin: toUserSettings(admin!), activity }
}

/** "Greenfield Farms" -> "greenfield-farms", with "-2", "-3" ... when taken. */
async function freeSlug(tx: Database, name: string): Promise<string> {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'tenant'
  const used = new Set((await tx.select({ slug: tenants.slug }).from(tenants).where(like(tenants.slug, `${base}%`))).map(row => row.slug))
  let slug = base
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
  return slug
}
