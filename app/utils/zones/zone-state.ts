// How live events change a zone page's nodes and open alerts (pure, so replaying an event is harmless).
import { keepHandlerNames } from '../alerts/handler-names'
import type { AlertPayload, DevicePayload, TelemetrySample } from '#shared/events'

export interface ZoneNode extends DevicePayload {
  /** Newest value per metric. */
  latest: Record<string, { value: number, recordedAt: string }>
}

/** Newer of two ISO times (null counts as oldest). */
function newer(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return Date.parse(a) >= Date.parse(b) ? a : b
}

/** Applies `device.updated`: a node of this zone is added or updated (never moving its last seen back), one that left is removed. */
export function applyDevice(nodes: ZoneNode[], device: DevicePayload, zoneId: number): ZoneNode[] {
  const current = nodes.find(node => node.id === device.id)
  if (device.zoneId !== zoneId) return current ? nodes.filter(node => node.id !== device.id) : nodes
  if (!current) return [...nodes, { ...device, latest: {} }].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
  return nodes.map(node => (node === current ? { ...node, ...device, lastSeenAt: newer(current.lastSeenAt, device.lastSeenAt) } : node))
}

/** Applies telemetry samples: each node's newest value per metric, and its last seen time. */
export function applySamples(nodes: ZoneNode[], samples: TelemetrySample[]): ZoneNode[] {
  if (samples.length === 0) return nodes
  return nodes.map((node) => {
    const own = samples.filter(sample => sample.deviceId === node.id)
    if (own.length === 0) return node
    const latest = { ...node.latest }
    let lastSeenAt = node.lastSeenAt
    for (const sample of own) {
      const known = latest[sample.metric]
      if (!known || Date.parse(sample.recordedAt) >= Date.parse(known.recordedAt)) latest[sample.metric] = { value: sample.value, recordedAt: sample.recordedAt }
      lastSeenAt = newer(lastSeenAt, sample.recordedAt)
    }
    return { ...node, latest, lastSeenAt }
  })
}

/** Time (ms) of the newest value any node has, or null when there is none. */
export function newestValueAt(nodes: ZoneNode[]): number | null {
  const times = nodes.flatMap(node => Object.values(node.latest).map(value => Date.parse(value.recordedAt)))
  return times.length === 0 ? null : Math.max(...times)
}

/** Applies `alert.created`/`alert.updated` to the zone's open alerts (newest first): other zones' are ignored, resolved ones leave. */
export function applyAlert(alerts: AlertPayload[], alert: AlertPayload, zoneId: number): AlertPayload[] {
  if (alert.zoneId !== zoneId) return alerts
  const others = alerts.filter(item => item.id !== alert.id)
  if (alert.status === 'resolved') return others.length === alerts.length ? alerts : others
  return [...others, keepHandlerNames(alerts.find(item => item.id === alert.id), alert)].sort((a, b) => b.id - a.id)
}
