// The alert lifecycle: active -> acknowledged -> resolved, or active -> resolved; resolved is final.
import type { AlertStatus } from '../../../shared/events'
import { DomainError } from '../errors'

const NEXT: Record<AlertStatus, readonly AlertStatus[]> = {
  active: ['acknowledged', 'resolved'],
  acknowledged: ['resolved'],
  resolved: [],
}

/** True when an alert in `from` may move to `to`. */
export function canMoveAlert(from: AlertStatus, to: AlertStatus): boolean {
  return NEXT[from].includes(to)
}

/** Throws 409 naming 'status' when the move is not part of the lifecycle. */
export function assertAlertMove(alertId: number, from: AlertStatus, to: AlertStatus): void {
  if (!canMoveAlert(from, to)) throw new DomainError(409, 'status', `alert ${alertId} is ${from} and cannot become ${to}`)
}
