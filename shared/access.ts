// Roles and token abilities, shared by the browser (to hide what a user cannot do) and the server.

import type { LocaleCode } from './locales'

export const ROLES = ['admin', 'operator', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ABILITIES = ['read', 'command', 'ingest'] as const
export type Ability = (typeof ABILITIES)[number]

/** What each role may do at most; a token narrows it further to the abilities it was given. */
export const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
  admin: ['read', 'command', 'ingest'],
  operator: ['read', 'command'],
  viewer: ['read'],
}

/** The signed-in user as the browser sees it (`GET /api/auth/me`). */
export interface SessionUser {
  id: number
  tenantId: number
  tenantName: string
  email: string
  name: string
  role: Role
  /** The installation's owner: may create further tenants. */
  isOwner: boolean
  /** The language the user chose for the pages; null until they choose (Accept-Language decides meanwhile). */
  locale: LocaleCode | null
}
