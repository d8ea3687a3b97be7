// The Settings lists of people and access: the tenant's users and API tokens (admins only).
import type { TokenSettings, UserSettings } from '#shared/settings'
import { defineResourceStore } from './resource-store'

export const useUserSettingsStore = defineResourceStore<UserSettings>('settings-users', {
  list: () => '/api/users',
  create: tenantId => `/api/tenants/${tenantId}/users`,
  item: id => `/api/users/${id}`,
  subjects: ['user'],
})

export const useTokenSettingsStore = defineResourceStore<TokenSettings>('settings-tokens', {
  list: () => '/api/tokens',
  create: () => '/api/tokens',
  item: id => `/api/tokens/${id}`,
  subjects: ['token'],
})
