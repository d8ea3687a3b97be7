// When a node (or a whole zone) counts as silent.
import { NODE_SILENT_AFTER_MS } from '#shared/zone-silence'

/** A node is stale after this long without a report (the limit the server uses for a zone's 'unknown' status). */
export const STALE_AFTER_MS = NODE_SILENT_AFTER_MS

/** True when `lastSeenAt` (ISO or ms) is missing or older than STALE_AFTER_MS at `now`. */
export function isStale(lastSeenAt: string | number | null, now: number): boolean {
  if (lastSeenAt === null) return true
  const at = typeof lastSeenAt === 'number' ? lastSeenAt : Date.parse(lastSeenAt)
  return now - at > STALE_AFTER_MS
}
