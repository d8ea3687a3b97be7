// When a zone's nodes have all gone silent its status is not known: 'unknown' instead of an 'ok' nobody measured.
// Used by the server's zone list and snapshot and by the pages, which re-evaluate it as time passes.
import type { ZoneStatus } from './summary'

/**
 * A node is silent after 2 minutes without a report. The simulator reports every 2 s and field nodes
 * typically every 10–30 s, so 2 minutes is at least four missed reports at the slowest usual interval:
 * one late or lost report never flags a node, yet a dead one shows within two minutes. Nodes do not
 * announce their interval, so a fixed limit is the honest choice.
 */
export const NODE_SILENT_AFTER_MS = 120_000

/** What a zone's status badge says: its alert-based status, or 'unknown' when no node is reporting. */
export type ShownZoneStatus = ZoneStatus | 'unknown'

/**
 * The status to show for a zone whose stored (alert-based) status is `status`, with `nodeCount` nodes of which
 * the newest report was at `newestReport` (ms or ISO; null when none ever reported). Open alerts still show:
 * only an 'ok' that no node vouches for becomes 'unknown'. A zone without nodes keeps its status.
 */
export function shownZoneStatus(status: string, nodeCount: number, newestReport: string | number | null, now: number): ShownZoneStatus {
  const stored = (status === 'alert' || status === 'warning' ? status : 'ok') as ZoneStatus
  if (stored !== 'ok' || nodeCount === 0) return stored
  const at = typeof newestReport === 'string' ? Date.parse(newestReport) : newestReport
  return at === null || now - at > NODE_SILENT_AFTER_MS ? 'unknown' : 'ok'
}
