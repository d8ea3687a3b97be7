import { describe, expect, it } from 'vitest'
import type { PositionPayload } from '#shared/events'
import type { TrackPoint } from '../../../../../app/utils/map/vehicle-track'
import { extendTrack, mergeTrack, trackFeatures } from '../../../../../app/utils/map/vehicle-track'

const point = (recordedAt: string, lat = 52): TrackPoint => ({ lat, lon: 4.9, speed: 30, course: 0, recordedAt })
const live = (recordedAt: string, lat = 53): PositionPayload => ({ vehicleId: 1, lat, lon: 4.9, speed: 30, course: 0, altitude: null, satellites: 8, recordedAt, status: 'moving' })

describe('a vehicle\'s live track', () => {
  it('appends a newer position and ignores one not newer than the last point', () => {
    const track = [point('2026-01-01T10:00:00Z')]
    expect(extendTrack(track, live('2026-01-01T10:00:05Z'))).toHaveLength(2)
    expect(extendTrack(track, live('2026-01-01T10:00:00Z'))).toBe(track)
    expect(extendTrack(track, live('2026-01-01T09:59:00Z'))).toBe(track)
  })

  it('does not draw a position without a GPS fix (satellites 0)', () => {
    const track = [point('2026-01-01T10:00:00Z')]
    expect(extendTrack(track, { ...live('2026-01-01T10:00:05Z'), satellites: 0, status: 'no_gps' })).toBe(track)
    expect(mergeTrack(track, [{ ...live('2026-01-01T10:00:05Z'), satellites: 0 }, live('2026-01-01T10:00:10Z', 54)]).map(item => item.lat)).toEqual([52, 54])
  })

  it('drops points older than the window before the newest', () => {
    const track = [point('2026-01-01T09:00:00Z'), point('2026-01-01T09:30:00Z')]
    const extended = extendTrack(track, live('2026-01-01T10:10:00Z'), 60 * 60_000)
    expect(extended.map(item => item.recordedAt)).toEqual(['2026-01-01T09:30:00Z', '2026-01-01T10:10:00Z'])
  })

  it('merges positions that arrived while loading in time order, skipping those the answer had', () => {
    const loaded = [point('2026-01-01T10:00:00Z'), point('2026-01-01T10:00:05Z')]
    const merged = mergeTrack(loaded, [live('2026-01-01T10:00:15Z'), live('2026-01-01T10:00:05Z'), live('2026-01-01T10:00:10Z')])
    expect(merged.map(item => item.recordedAt)).toEqual(['2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z', '2026-01-01T10:00:10Z', '2026-01-01T10:00:15Z'])
  })

  it('is a line once it has two points', () => {
    expect(trackFeatures([point('2026-01-01T10:00:00Z')]).features).toEqual([])
    expect(trackFeatures([point('2026-01-01T10:00:00Z', 52), point('2026-01-01T10:00:05Z', 53)]).features[0]!.geometry)
      .toEqual({ type: 'LineString', coordinates: [[4.9, 52], [4.9, 53]] })
  })
})
