// When a node (or a whole zone) counts as silent, and how long ago something happened, in words.
import { NODE_SILENT_AFTER_MS } from '#shared/zone-silence'

/** A node is stale after this long without a report (the limit the server uses for a zone's 'unknown' status). */
export const STALE_AFTER_MS = NODE_SILENT_AFTER_MS

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
