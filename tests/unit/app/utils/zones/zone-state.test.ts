import { describe, expect, it } from 'vitest'
import type { AlertPayload, AlertStatus, DevicePayload } from '#shared/events'
import type { ZoneNode } from '../../../../../app/utils/zones/zone-state'
import { applyAlert, applyDevice, applySamples, newestValueAt } from '../../../../../app/utils/zones/zone-state'

const device = (id: number, name: string, lastSeenAt: string | null = null): DevicePayload => ({
  id, tenantId: 1, zoneId: 5, uid: `node-${id}`, name, kind: 'sensor-node', lastSeenAt,
})
const node = (id: number, name: string, lastSeenAt: string | null = null): ZoneNode => ({ ...device(id, name, lastSeenAt), latest: {} })
const alert = (id: number, zoneId: number | null, status: AlertStatus): AlertPayload => ({
  id, tenantId: 1, zoneId, gatewayId: null, vehicleId: null, deviceId: null, metric: 'ph', value: 7, severity: 'warning',
  kind: 'threshold', message: 'pH high', messageCode: null, messageParams: {}, status, createdAt: '', acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null, resolvedBy: null, resolvedByName: null,
})

describe('zone state', () => {
  it('adds, updates and removes nodes as devices join, report and leave the zone', () => {
    let nodes = [node(2, 'B', '2026-01-01T00:00:10Z')]
    nodes = applyDevice(nodes, device(1, 'A'), 5)
    expect(nodes.map(item => item.name)).toEqual(['A', 'B'])
    nodes = applyDevice(nodes, device(2, 'B', '2026-01-01T00:00:05Z'), 5)
    expect(nodes[1]!.lastSeenAt).toBe('2026-01-01T00:00:10Z')
    nodes = applyDevice(nodes, { ...device(2, 'B'), zoneId: 6 }, 5)
    expect(nodes.map(item => item.id)).toEqual([1])
    expect(applyDevice(nodes, { ...device(9, 'X'), zoneId: 6 }, 5)).toBe(nodes)
  })

  it('keeps each node\'s newest value per metric and when it was last heard', () => {
    const nodes = [node(1, 'A'), node(2, 'B')]
    const next = applySamples(nodes, [
      { deviceId: 1, metric: 'ph', value: 6.2, recordedAt: '2026-01-01T00:00:02Z' },
      { deviceId: 1, metric: 'ph', value: 6.0, recordedAt: '2026-01-01T00:00:01Z' },
    ])
    expect(next[0]!.latest.ph).toEqual({ value: 6.2, recordedAt: '2026-01-01T00:00:02Z' })
    expect(next[0]!.lastSeenAt).toBe('2026-01-01T00:00:02Z')
    expect(next[1]).toBe(nodes[1])
    expect(newestValueAt(next)).toBe(Date.parse('2026-01-01T00:00:02Z'))
    expect(newestValueAt(nodes)).toBeNull()
  })

  it('lists only this zone\'s open alerts, newest first', () => {
    let alerts: AlertPayload[] = []
    alerts = applyAlert(alerts, alert(1, 5, 'active'), 5)
    alerts = applyAlert(alerts, alert(2, 5, 'active'), 5)
    alerts = applyAlert(alerts, alert(3, 6, 'active'), 5)
    alerts = applyAlert(alerts, alert(1, 5, 'acknowledged'), 5)
    expect(alerts.map(item => [item.id, item.status])).toEqual([[2, 'active'], [1, 'acknowledged']])
    alerts = applyAlert(alerts, alert(2, 5, 'resolved'), 5)
    expect(alerts.map(item => item.id)).toEqual([1])
  })
})
