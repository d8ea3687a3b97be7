// The command lifecycle: queued -> sent -> acknowledged -> succeeded | failed | timed_out, where queued and
// sent may also fail or time out; the last three are final.
import type { CommandStatus } from '../../../shared/events'
import { DomainError } from '../errors'

const NEXT: Record<CommandStatus, readonly CommandStatus[]> = {
  queued: ['sent', 'failed', 'timed_out'],
  sent: ['acknowledged', 'failed', 'timed_out'],
  acknowledged: ['succeeded', 'failed', 'timed_out'],
  succeeded: [],
  failed: [],
  timed_out: [],
}

/** Statuses a command can still move on from (what the timeout job looks at). */
export const UNFINISHED_COMMAND_STATUSES = ['queued', 'sent', 'acknowledged'] as const satisfies readonly CommandStatus[]

/** True when a command in `from` may move to `to`. */
export function canMoveCommand(from: CommandStatus, to: CommandStatus): boolean {
  return NEXT[from].includes(to)
}

/** Throws 409 naming 'status' when the move is not part of the lifecycle. */
export function assertCommandMove(commandId: number, from: CommandStatus, to: CommandStatus): void {
  if (!canMoveCommand(from, to)) throw new DomainError(409, 'status', `command ${commandId} is ${from} and cannot become ${to}`)
}
