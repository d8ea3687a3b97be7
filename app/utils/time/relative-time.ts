// Relative times ("12 s ago") for ticking labels, and the age checks that decide stale hints.

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day'

/** An amount of one unit of time. */
export interface TimeAmount {
  value: number
  unit: TimeUnit
}

/** How long ago `iso` was, relative to `now` (ms), in the unit a person would say: seconds, minutes, hours, then days. */
export function ageAmount(iso: string, now: number): TimeAmount {
  // A clock a little ahead of ours must not read "-3 s ago".
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 90) return { value: seconds, unit: 'second' }
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return { value: minutes, unit: 'minute' }
  const hours = Math.round(minutes / 60)
  if (hours < 36) return { value: hours, unit: 'hour' }
  return { value: Math.round(hours / 24), unit: 'day' }
}

const SYMBOL: Record<TimeUnit, string> = { second: 's', minute: 'min', hour: 'h', day: 'd' }

/** In English: how long ago `iso` was ('never' for null). Pages use useLocaleFormat().relative, in the reader's language. */
export function relativeTime(iso: string | null, now: number): string {
  if (iso === null) return 'never'
  const { value, unit } = ageAmount(iso, now)
  return `${value} ${SYMBOL[unit]} ago`
}

/** True when `iso` is null or more than `limitMs` before `now`. */
export function olderThan(iso: string | null, limitMs: number, now: number): boolean {
  return iso === null || now - Date.parse(iso) > limitMs
}
