// Relative times ("12 s ago") for ticking labels, and the age checks that decide stale hints.

/** How long ago `iso` was, relative to `now` (ms): seconds, minutes, hours, then days; 'never' for null. */
export function relativeTime(iso: string | null, now: number): string {
  if (iso === null) return 'never'
  // A clock a little ahead of ours must not read "-3 s ago".
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 90) return `${seconds} s ago`
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 36) return `${hours} h ago`
  return `${Math.round(hours / 24)} d ago`
}

/** True when `iso` is null or more than `limitMs` before `now`. */
export function olderThan(iso: string | null, limitMs: number, now: number): boolean {
  return iso === null || now - Date.parse(iso) > limitMs
}
