// When a node (or a whole zone) counts as silent, and how long ago something happened, in words.

/**
 * A node is stale after 2 minutes without a report. The simulator reports every 2 s and field nodes
 * typically every 10–30 s, so 2 minutes is at least four missed reports at the slowest usual interval:
 * one late or lost report never flags a node, yet a dead one shows within two minutes. Nodes do not
 * announce their interval, so a fixed limit is the honest choice.
 */
export const STALE_AFTER_MS = 120_000

/** True when `lastSeenAt` (ISO or ms) is missing or older than STALE_AFTER_MS at `now`. */
export function isStale(lastSeenAt: string | number | null, now: number): boolean {
  if (lastSeenAt === null) return true
  const at = typeof lastSeenAt === 'number' ? lastSeenAt : Date.parse(lastSeenAt)
  return now - at > STALE_AFTER_MS
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago", or "never". */
export function timeAgo(at: string | number | null, now: number): string {
  if (at === null) return 'never'
  const seconds = Math.floor((now - (typeof at === 'number' ? at : Date.parse(at))) / 1000)
  if (seconds < 1) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`
  return `${Math.floor(seconds / 86_400)} d ago`
}
