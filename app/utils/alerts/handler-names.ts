// Who handled an alert, kept across updates: the system's own updates (an alert resolved because its
// condition cleared) carry user ids without names, and must not blank the names a list already shows.
import type { AlertPayload } from '#shared/events'
import type { Translate } from '../i18n/translate'

/** `next` with the acknowledger's and resolver's names taken from `previous` where `next` lacks them for the same user. */
export function keepHandlerNames(previous: AlertPayload | undefined, next: AlertPayload): AlertPayload {
  if (!previous) return next
  const acknowledgedByName = next.acknowledgedByName ?? (next.acknowledgedBy === previous.acknowledgedBy ? previous.acknowledgedByName : null)
  const resolvedByName = next.resolvedByName ?? (next.resolvedBy === previous.resolvedBy ? previous.resolvedByName : null)
  return acknowledgedByName === next.acknowledgedByName && resolvedByName === next.resolvedByName ? next : { ...next, acknowledgedByName, resolvedByName }
}

/** "acknowledged by Ann", "resolved automatically" ...: who moved the alert to its status (null while active), in `t`'s language. */
export function handledBy(alert: AlertPayload, t: Translate): string | null {
  if (alert.status === 'resolved') {
    if (alert.resolvedBy === null) return t('alerts.handledBy.resolvedAutomatically')
    return t('alerts.handledBy.resolvedBy', { name: alert.resolvedByName ?? t('alerts.handledBy.user', { id: alert.resolvedBy }) })
  }
  if (alert.status === 'acknowledged') {
    const name = alert.acknowledgedByName ?? (alert.acknowledgedBy === null ? t('alerts.handledBy.someone') : t('alerts.handledBy.user', { id: alert.acknowledgedBy }))
    return t('alerts.handledBy.acknowledgedBy', { name })
  }
  return null
}
