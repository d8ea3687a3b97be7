// Commands on the zone page: what the form offers, the body it sends, and how live status updates merge.
import type { CommandPayload, CommandStatus } from '#shared/events'

export interface CommandParam {
  name: string
  label: string
  min: number
  max: number
  initial: number
}

export interface CommandKind {
  kind: string
  label: string
  params: CommandParam[]
}

/**
 * The commands the form offers. The server takes any kind with a params object (nodes decide what they
 * understand), so these are the actions a grower needs, each with bounded numeric params.
 */
export const COMMAND_KINDS: CommandKind[] = [
  { kind: 'irrigate', label: 'Irrigate', params: [{ name: 'seconds', label: 'Duration (s)', min: 1, max: 3600, initial: 30 }] },
  { kind: 'vent', label: 'Set vents', params: [{ name: 'percent', label: 'Opening (%)', min: 0, max: 100, initial: 50 }] },
  { kind: 'lights', label: 'Set lights', params: [{ name: 'percent', label: 'Level (%)', min: 0, max: 100, initial: 100 }] },
  { kind: 'dose', label: 'Dose nutrients', params: [{ name: 'ml', label: 'Amount (ml)', min: 1, max: 1000, initial: 50 }] },
  { kind: 'reboot', label: 'Reboot node', params: [] },
]

export interface CommandBody {
  kind: string
  params: Record<string, number>
  deviceId?: number
}

/** The POST body for `kind` with `values`, or the first problem as a sentence (checked before the server does). */
export function commandBody(kind: string, values: Record<string, number | null | undefined>, deviceId: number | null): { body: CommandBody } | { problem: string } {
  const definition = COMMAND_KINDS.find(item => item.kind === kind)
  if (!definition) return { problem: `Unknown command "${kind}"` }
  const params: Record<string, number> = {}
  for (const param of definition.params) {
    const value = values[param.name]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < param.min || value > param.max) {
      return { problem: `${param.label} must be a number from ${param.min} to ${param.max}` }
    }
    params[param.name] = value
  }
  return { body: deviceId === null ? { kind, params } : { kind, params, deviceId } }
}

/** Progress of each status: a command only moves forward, and the last three are final. */
const PROGRESS: Record<CommandStatus, number> = { queued: 0, sent: 1, acknowledged: 2, succeeded: 3, failed: 3, timed_out: 3 }

/** True for succeeded, failed and timed_out. */
export function isFinal(status: CommandStatus): boolean {
  return PROGRESS[status] === 3
}

/**
 * Puts `command` into the newest-first list (at most `limit` long). An update that is behind what the list
 * already shows is ignored: the POST answer ('queued') can arrive after the broadcast that says 'sent'.
 */
export function mergeCommand(list: CommandPayload[], command: CommandPayload, limit: number): CommandPayload[] {
  const current = list.find(item => item.id === command.id)
  if (current) {
    if (PROGRESS[command.status] < PROGRESS[current.status] || (isFinal(current.status) && current.status !== command.status)) return list
    return list.map(item => (item.id === command.id ? command : item))
  }
  return [...list, command].sort((a, b) => b.id - a.id).slice(0, limit)
}

/** Badge colour of a status. */
export function commandStatusColor(status: CommandStatus): 'neutral' | 'info' | 'success' | 'error' | 'warning' {
  if (status === 'succeeded') return 'success'
  if (status === 'failed') return 'error'
  if (status === 'timed_out') return 'warning'
  return status === 'queued' ? 'neutral' : 'info'
}
