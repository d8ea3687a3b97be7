// How long ago something happened, the way the pages say it ("12 s ago", "5 min ago").

/** `at` relative to `now` (ms); "never" without a time. */
export function relativeTime(at: string | number | null, now: number): string {
  if (at === null) return 'never'
  const seconds = Math.max(0, Math.round((now - (typeof at === 'number' ? at : Date.parse(at))) / 1000))
  if (seconds < 90) return `${seconds} s ago`
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`
  if (seconds < 129_600) return `${Math.round(seconds / 3600)} h ago`
  return `${Math.round(seconds / 86_400)} d ago`
}
