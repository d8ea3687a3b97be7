// How loud an activity row or notification looks: the colour of what it reports.

export type Tone = 'error' | 'warning' | 'success' | 'info' | 'neutral'

/** The colour of an activity kind (alert.raised, gateway.offline, command.failed ...) or notification kind. */
export function activityTone(kind: string): Tone {
  if (kind === 'alert' || kind === 'alert.raised' || kind === 'command.failed' || kind === 'command.timed_out') return 'error'
  if (kind === 'gateway.offline' || kind === 'speeding' || kind.endsWith('.archived') || kind.endsWith('.revoked')) return 'warning'
  if (kind === 'alert.resolved' || kind === 'gateway.online' || kind === 'command.succeeded') return 'success'
  if (kind === 'alert.acknowledged' || kind.startsWith('geozone')) return 'info'
  return 'neutral'
}

/** Tailwind classes of a tone's stripe at a row's start (spelled out so the class scanner finds them). */
export const TONE_STRIPE: Record<Tone, string> = {
  error: 'border-s-4 border-s-error',
  warning: 'border-s-4 border-s-warning',
  success: 'border-s-4 border-s-success',
  info: 'border-s-4 border-s-info',
  neutral: 'border-s-4 border-s-transparent',
}
