// Who may configure a tenant: its admins, signed in. Missing and foreign things are refused alike.
import type { Actor } from '../../auth/actor'
import { DomainError } from '../errors'
import { authorizeAdmin } from '../policies'

/**
 * Throws 403 unless `actor` is a signed-in admin of `tenantId`. A thing that does not exist is passed
 * as an undefined tenant and refused with the same words, so ids reveal nothing about other tenants.
 */
export function requireConfigure(actor: Actor, tenantId: number | undefined, what: string): void {
  if (tenantId === undefined || tenantId !== actor.user.tenantId) throw new DomainError(403, what, `${what} is not in your tenant`)
  const admin = authorizeAdmin(actor)
  if (!admin.allowed) throw new DomainError(403, what, admin.reason)
}

/** Throws 409 when a row was archived: it stays readable but can no longer change. */
export function requireLive(row: { archivedAt: Date | null }, what: string): void {
  if (row.archivedAt) throw new DomainError(409, what, `${what} was deleted (archived) and can no longer change`)
}
