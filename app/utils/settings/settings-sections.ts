// The Settings area's sections and who sees them: admins configure; operators look (and edit geozones on
// the map); viewers see no Settings at all.
import type { Role } from '#shared/access'

export interface SettingsSection {
  /** Catalogue key of its name (namespace `settings`). */
  labelKey: string
  icon: string
  to: string
}

const EQUIPMENT: SettingsSection[] = [
  { labelKey: 'settings.sections.zones', icon: 'i-lucide-sprout', to: '/settings/zones' },
  { labelKey: 'settings.sections.nodes', icon: 'i-lucide-cpu', to: '/settings/nodes' },
  { labelKey: 'settings.sections.gateways', icon: 'i-lucide-router', to: '/settings/gateways' },
  { labelKey: 'settings.sections.vehicles', icon: 'i-lucide-truck', to: '/settings/vehicles' },
]
const PEOPLE: SettingsSection[] = [
  { labelKey: 'settings.sections.users', icon: 'i-lucide-users', to: '/settings/users' },
  { labelKey: 'settings.sections.tokens', icon: 'i-lucide-key-round', to: '/settings/tokens' },
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
