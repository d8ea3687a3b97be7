// Commands on a vehicle's panel: what each role may send, the POST body of each, and how a command reads in the list.
import type { Role } from '#shared/access'
import type { VehicleCommandKind, VehicleCommandPayload } from '#shared/vehicle-commands'

/**
 * The buttons operators and admins get; each asks for confirmation first, since it switches the engine relay.
 * Their words are `vehicles.commands.<kind>.label` and `.confirm`.
 */
export const ENGINE_COMMANDS = [
  { kind: 'engine_block', icon: 'i-lucide-lock', color: 'error' },
  { kind: 'engine_unblock', icon: 'i-lucide-lock-open', color: 'neutral' },
] as const

export type VehicleCommandBody = { kind: 'engine_block' | 'engine_unblock' } | { kind: 'custom', text: string }

/** Longest free-text command the server accepts. */
export const CUSTOM_COMMAND_MAX = 500

/** What is wrong with a free-text command, the key of its words in `vehicles.commands.problems`. */
export type CustomCommandProblem = 'empty' | 'too_long' | 'not_ascii'

/** What a user may do on the panel: engine buttons with the 'command' ability, the free-text field as admin too. */
export function commandControls(role: Role | undefined, abilities: readonly string[]): { engine: boolean, custom: boolean } {
  const engine = abilities.includes('command')
  return { engine, custom: engine && role === 'admin' }
}

/** The body of a free-text command, or the problem with the text (the server checks the same rules). */
export function customCommandBody(text: string): { body: VehicleCommandBody } | { problem: CustomCommandProblem } {
  const trimmed = text.trim()
  if (trimmed.length === 0) return { problem: 'empty' }
  if (trimmed.length > CUSTOM_COMMAND_MAX) return { problem: 'too_long' }
  if (!/^[\x20-\x7E]+$/.test(trimmed)) return { problem: 'not_ascii' }
  return { body: { kind: 'custom', text: trimmed } }
}

/** How a command shows in the list: the message key of its engine action, or the text an admin typed. */
export function vehicleCommandLabel(command: Pick<VehicleCommandPayload, 'kind' | 'text'>): { key: string } | { text: string } {
  const engine = ENGINE_COMMANDS.find(item => item.kind === command.kind as VehicleCommandKind)
  return engine ? { key: `vehicles.commands.${engine.kind}.label` } : { text: command.text }
}
