// What the gateway pages say about a gateway's status: the online count and whether contact is overdue.
import { olderThan } from '../time/relative-time'
import type { Translate } from '../i18n/translate'

/** "2 of 3 online", for the list's summary line, in `t`'s language. */
export function onlineSummary(gateways: Array<{ online: boolean }>, t: Translate): string {
  return t('gateways.onlineSummary', { online: gateways.filter(gateway => gateway.online).length, total: gateways.length })
}

/** True when the gateway has been silent for longer than it may be before it counts as offline. */
export function contactOverdue(gateway: { lastContactAt: string | null, offlineAfterSeconds: number }, now: number): boolean {
  return olderThan(gateway.lastContactAt, gateway.offlineAfterSeconds * 1000, now)
}

/** True when the gateway's values can no longer be trusted as current: it is offline, or overdue. */
export function valuesStale(gateway: { online: boolean, lastContactAt: string | null, offlineAfterSeconds: number }, now: number): boolean {
  return !gateway.online || contactOverdue(gateway, now)
}

/** The later of two contact times (ISO), so replayed or reordered events never move contact back. */
export function laterContact(current: string | null, candidate: string | null): string | null {
  if (current === null) return candidate
  if (candidate === null) return current
  return Date.parse(candidate) > Date.parse(current) ? candidate : current
}
