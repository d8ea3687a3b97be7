// Commands on the zone page: what the form offers, the body it sends, and how live status updates merge.
import type { CommandStatus } from '#shared/events'
import type { Translate } from '../i18n/translate'

export interface CommandParam {
  name: string
  /** Message key of the param's label (with its unit). */
  labelKey: string
  min: number
  max: number
  initial: number
}

export interface CommandKind {
  kind: string
  params: CommandParam[]
}

/**
 * The commands the form offers. The server takes any kind with a params object (nodes decide what they
 * understand), so these are the actions a grower needs, each with bounded numeric params.
 */
export const COMMAND_KINDS: CommandKind[] = [
  { kind: 'irrigate', params: [{ name: 'seconds', labelKey: 'zones.commandParams.seconds', min: 1, max: 3600, initial: 30 }] },
  { kind: 'vent', params: [{ name: 'percent', labelKey: 'zones.commandParams.percent', min: 0, max: 100, initial: 50 }] },
  { kind: 'lights', params: [{ name: 'percent', labelKey: 'zones.commandParams.lightPercent', min: 0, max: 100, initial: 100 }] },
  { kind: 'dose', params: [{ name: 'ml', labelKey: 'zones.commandParams.ml', min: 1, max: 1000, initial: 50 }] },
  { kind: 'reboot', params: [] },
]

/** A command kind's name in `t`'s language; a kind the form does not offer (sent through the API) keeps its own. */
export function commandKindLabel(kind: string, t: Translate): string {
  return COMMAND_KINDS.some(item => item.kind === kind) ? t(`zones.commands.${kind}`) : kind
}

/** A command's params as the list shows them ("seconds 30"); params the form does not offer keep their own names. */
export function commandParamsText(params: Record<string, unknown>, t: Translate): string {
  const known = new Set(COMMAND_KINDS.flatMap(item => item.params.map(param => param.name)))
  return Object.entries(params).map(([name, value]) => (known.has(name) ? t(`zones.commandParamValues.${name}`, { value: String(value) }) : `${name} ${String(value)}`)).join(', ')
}

export interface CommandBody {
  kind: string
  params: Record<string, number>
  deviceId?: number
}

/** The POST body for `kind` with `values`, or the first problem as a sentence in `t`'s language (checked before the server does). */
export function commandBody(kind: string, values: Record<string, number | null | undefined>, deviceId: number | null, t: Translate): { body: CommandBody } | { problem: string } {
  const definition = COMMAND_KINDS.find(item => item.kind === kind)
  if (!definition) return { problem: t('zones.commandForm.unknown', { kind }) }
  const params: Record<string, number> = {}
  for (const param of definition.params) {
    const value = values[param.name]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < param.min || value > param.max) {
      return { problem: t('zones.commandForm.outOfRange', { param: t(param.labelKey), min: param.min, max: param.max }) }
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
 * Puts a zone or vehicle `command` into the newest-first list (at most `limit` long). An update that is behind what the list
 * already shows is ignored: the POST answer ('queued') can arrive after the broadcast that says 'sent'.
 */
export function mergeCommand<Command extends { id: number, status: CommandStatus }>(list: Command[], command: Command, limit: number): Command[] {
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
