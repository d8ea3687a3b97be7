import { describe, expect, it } from 'vitest'
import type { DevicePayload } from '../../../../../shared/events'
import { applyDeviceUpdate, deviceFreshness } from '../../../../../app/utils/devices/unassigned-devices'

const device = (id: number, lastSeenAt: string | null = null, zoneId: number | null = null): DevicePayload => ({ id, tenantId: 1, zoneId, uid: `node-${id}`, name: `Node ${id}`, kind: 'sensor-node', lastSeenAt })

describe('unassigned devices', () => {
  it('adds a new unassigned device, newest id first', () => {
    expect(applyDeviceUpdate([device(3), device(1)], device(2)).map(row => row.id)).toEqual([3, 2, 1])
  })

  it('updates last seen, and drops a device that got a zone', () => {
    const list = [device(2), device(1, '2026-05-01T12:00:00Z')]
    expect(applyDeviceUpdate(list, device(1, '2026-05-01T12:00:09Z'))[1]!.lastSeenAt).toBe('2026-05-01T12:00:09Z')
    expect(applyDeviceUpdate(list, device(1, '2026-05-01T12:00:09Z', 4)).map(row => row.id)).toEqual([2])
  })

  it('ignores an update older than what it shows', () => {
    const list = [device(1, '2026-05-01T12:00:09Z')]
    expect(applyDeviceUpdate(list, device(1, '2026-05-01T12:00:00Z'))).toBe(list)
  })

  it('tells never-seen, stale and fresh devices apart', () => {
    const now = Date.parse('2026-05-01T12:00:00Z')
    expect(deviceFreshness(null, now)).toBe('never')
    expect(deviceFreshness('2026-05-01T11:59:00Z', now)).toBe('fresh')
    expect(deviceFreshness('2026-05-01T11:40:00Z', now)).toBe('stale')
  })
})
