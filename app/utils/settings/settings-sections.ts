// The Settings area's sections and who sees them: admins configure; operators look (and edit geozones on
// the map); viewers see no Settings at all.
import type { Role } from '#shared/access'

export interface SettingsSection {
  label: string
  icon: string
  to: string
}

const EQUIPMENT: SettingsSection[] = [
  { label: 'Zones', icon: 'i-lucide-sprout', to: '/settings/zones' },
  { label: 'Nodes', icon: 'i-lucide-cpu', to: '/settings/nodes' },
  { label: 'Gateways', icon: 'i-lucide-router', to: '/settings/gateways' },
  { label: 'Vehicles', icon: 'i-lucide-truck', to: '/settings/vehicles' },
]
const PEOPLE: SettingsSection[] = [
  { label: 'Users', icon: 'i-lucide-users', to: '/settings/users' },
  { label: 'API tokens', icon: 'i-lucide-key-round', to: '/settings/tokens' },
]

/** The sections a role sees, in the order shown (none for viewers). */
export function settingsSections(role: Role): SettingsSection[] {
  if (role === 'admin') return [...EQUIPMENT, ...PEOPLE]
  if (role === 'operator') return EQUIPMENT
  return []
}

/** Whether a role may create, change and delete equipment, users and tokens. */
export function mayConfigure(role: Role): boolean {
  return role === 'admin'
}
