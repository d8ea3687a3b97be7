import { describe, expect, it } from 'vitest'
import type { GeoEventPayload, PositionPayload, VehicleStatus } from '#shared/events'
import type { FleetVehicle } from '../../../../../app/utils/map/fleet-state'
import { boundsOf, filterVehicles, fleetFeatures, fleetPoints, mergeGeoEvents, mergePositions, supersedes } from '../../../../../app/utils/map/fleet-state'

function position(vehicleId: number, recordedAt: string, extra: Partial<PositionPayload> = {}): PositionPayload {
  return { vehicleId, lat: 52.37, lon: 4.89, speed: 40, course: 90, altitude: null, satellites: 9, recordedAt, status: 'moving', ...extra }
}

function vehicle(id: number, at: string | null, status: VehicleStatus = 'moving', name = `Truck ${id}`): FleetVehicle {
  return { id, name, plate: `AB ${id}`, status, speedLimit: 90, sensors: {}, lastPositionAt: at, position: at ? position(id, at, { status }) : null, hasTracker: false }
}

describe('merging live positions into the fleet', () => {
  it('takes a newer fix with its status and time', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:00Z'), vehicle(2, '2026-01-01T10:00:00Z')]
    const merged = mergePositions(fleet, [position(1, '2026-01-01T10:00:05Z', { lat: 52.4, status: 'stopped' })])
    expect(merged[0]).toMatchObject({ status: 'stopped', lastPositionAt: '2026-01-01T10:00:05Z', position: { lat: 52.4 } })
    expect(merged[1]).toBe(fleet[1])
  })

  it('ignores a fix older than the one it has, and returns the same array when nothing changed', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:05Z')]
    expect(mergePositions(fleet, [position(1, '2026-01-01T10:00:01Z', { lat: 1 })])).toBe(fleet)
  })

  it('accepts the same fix time again, so the offline sweep can change a vehicle\'s status', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:05Z')]
    const merged = mergePositions(fleet, [position(1, '2026-01-01T10:00:05Z', { status: 'offline' })])
    expect(merged[0]!.status).toBe('offline')
  })

  it('applies the newest of several fixes of one vehicle, whatever their order', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:00Z')]
    const merged = mergePositions(fleet, [position(1, '2026-01-01T10:00:09Z', { lat: 9 }), position(1, '2026-01-01T10:00:03Z', { lat: 3 })])
    expect(merged[0]!.position!.lat).toBe(9)
  })

  it('gives a vehicle without a position its first one and ignores vehicles not in the fleet', () => {
    const fleet = [vehicle(1, null, 'offline')]
    const merged = mergePositions(fleet, [position(1, '2026-01-01T10:00:00Z'), position(7, '2026-01-01T10:00:00Z')])
    expect(merged).toHaveLength(1)
    expect(merged[0]!.position).not.toBeNull()
  })

  it('compares fix times as instants, not as strings', () => {
    expect(supersedes(position(1, '2026-01-01T10:00:00+01:00'), position(1, '2026-01-01T09:30:00Z'))).toBe(true)
    expect(supersedes(null, position(1, '2000-01-01T00:00:00Z'))).toBe(true)
  })
})

describe('the fleet\'s GeoJSON', () => {
  it('has one point per vehicle with a position, [lon, lat], with id, name (its label), status, course and whether it moves', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:00Z'), vehicle(2, null), vehicle(3, '2026-01-01T10:00:00Z', 'parking')]
    const collection = fleetFeatures(fleet)
    expect(collection.features).toHaveLength(2)
    expect(collection.features[0]).toMatchObject({ id: 1, geometry: { type: 'Point', coordinates: [4.89, 52.37] }, properties: { id: 1, name: 'Truck 1', status: 'moving', course: 90, moving: true } })
    expect(collection.features[1]!.properties).toMatchObject({ id: 3, status: 'parking', moving: false })
  })
})

describe('bounds', () => {
  it('spans the vehicles\' positions', () => {
    const fleet = [vehicle(1, '2026-01-01T10:00:00Z'), { ...vehicle(2, '2026-01-01T10:00:00Z'), position: position(2, '2026-01-01T10:00:00Z', { lat: 52.5, lon: 5.1 }) }]
    expect(fleetPoints(fleet)).toEqual([[4.89, 52.37], [5.1, 52.5]])
    expect(boundsOf(fleetPoints(fleet))).toEqual([4.89, 52.37, 5.1, 52.5])
  })

  it('widens a single point to a minimum span, and is null without points', () => {
    const [west, south, east, north] = boundsOf([[4.89, 52.37]])!
    expect(east - west).toBeCloseTo(0.01)
    expect(north - south).toBeCloseTo(0.01)
    expect((west + east) / 2).toBeCloseTo(4.89)
    expect(boundsOf(fleetPoints([vehicle(1, null)]))).toBeNull()
  })

  it('stays within the world when widening at its edges', () => {
    const [west, south, east, north] = boundsOf([[180, 90]])!
    expect([east, north]).toEqual([180, 90])
    expect(west).toBeCloseTo(179.995)
    expect(south).toBeCloseTo(89.995)
  })
})

describe('geo events', () => {
  const event = (id: number): GeoEventPayload => ({ id, vehicleId: 1, geozoneId: 1, geozoneName: 'Yard', kind: 'enter', at: '2026-01-01T10:00:00Z' })

  it('are kept newest first, once each, and at most `keep`', () => {
    expect(mergeGeoEvents([event(3), event(1)], [event(2), event(3)]).map(item => item.id)).toEqual([3, 2, 1])
    expect(mergeGeoEvents([event(1), event(2), event(3)], [], 2).map(item => item.id)).toEqual([3, 2])
  })
})

describe('the vehicle list filter', () => {
  const fleet = [vehicle(1, null, 'moving', 'Tractor 1'), vehicle(2, null, 'parking', 'Van 2')]

  it('matches name or plate in any case, and the status', () => {
    expect(filterVehicles(fleet, 'tRACtor', 'all').map(item => item.id)).toEqual([1])
    expect(filterVehicles(fleet, 'ab 2', 'all').map(item => item.id)).toEqual([2])
    expect(filterVehicles(fleet, '', 'parking').map(item => item.id)).toEqual([2])
    expect(filterVehicles(fleet, 'van', 'moving')).toEqual([])
    expect(filterVehicles(fleet, '  ', 'all')).toHaveLength(2)
  })
})
