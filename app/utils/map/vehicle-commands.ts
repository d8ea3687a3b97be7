// Commands on a vehicle's panel: what each role may send, the POST body of each, and how a command reads in the list.
import type { Role } from '#shared/access'
import type { VehicleCommandKind, VehicleCommandPayload } from '#shared/vehicle-commands'

/** The buttons operators and admins get; each asks for confirmation first, since it switches the engine relay. */
export const ENGINE_COMMANDS = [
  { kind: 'engine_block', label: 'Engine block', icon: 'i-lucide-lock', color: 'error', confirm: 'The vehicle cannot be started again until it is unblocked.' },
  { kind: 'engine_unblock', label: 'Engine unblock', icon: 'i-lucide-lock-open', color: 'neutral', confirm: 'The vehicle can be started again.' },
] as const

export type VehicleCommandBody = { kind: 'engine_block' | 'engine_unblock' } | { kind: 'custom', text: string }

/** What a user may do on the panel: engine buttons with the 'command' ability, the free-text field as admin too. */
export function commandControls(role: Role | undefined, abilities: readonly string[]): { engine: boolean, custom: boolean } {
  const engine = abilities.includes('command')
  return { engine, custom: engine && role === 'admin' }
}

/** The body of a free-text command, or the problem with the text (the server checks the same rules). */
export function customCommandBody(text: string): { body: VehicleCommandBody } | { problem: string } {
  const trimmed = text.trim()
  if (trimmed.length === 0) return { problem: 'Type the command the tracker should run' }
  if (trimmed.length > 500) return { problem: 'The command is longer than 500 characters' }
  if (!/^[\x20-\x7E]+$/.test(trimmed)) return { problem: 'Trackers take printable ASCII only' }
  return { body: { kind: 'custom', text: trimmed } }
}

/** The name a command shows with: the engine action, or the text an admin typed. */
export function vehicleCommandLabel(command: Pick<VehicleCommandPayload, 'kind' | 'text'>): string {
  const engine = ENGINE_COMMANDS.find(item => item.kind === command.kind as VehicleCommandKind)
  return engine ? engine.label : command.text
}
