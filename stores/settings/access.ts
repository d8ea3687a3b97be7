// The Settings lists of people and access: the tenant's users and API tokens (admins only).
import type { Ability, Role } from '#shared/access'
import { defineResourceStore } from './resource-store'

export interface UserSettingsRow { id: number, email: string, name: string, role: Role, disabledAt: string | null }
export interface TokenSettingsRow {
  id: number
  name: string
  abilities: Ability[]
  userId: number
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
  createdAt: string
}

export const useUserSettingsStore = defineResourceStore<UserSettingsRow>('settings-users', {
  list: () => '/api/users',
  create: tenantId => `/api/tenants/${tenantId}/users`,
  item: id => `/api/users/${id}`,
  subjects: ['user'],
})

export const useTokenSettingsStore = defineResourceStore<TokenSettingsRow>('settings-tokens', {
  list: () => '/api/tokens',
  create: () => '/api/tokens',
  item: id => `/api/tokens/${id}`,
  subjects: ['token'],
})
