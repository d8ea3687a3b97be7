import { describe, expect, it } from 'vitest'
import type { BoundedZone, ZoneForDetection } from '../../../../../server/domain/geozones/transitions'
import { detectionZones, geozoneTransitions } from '../../../../../server/domain/geozones/transitions'

const zones: ZoneForDetection[] = [
  { id: 1, shape: { kind: 'polygon', ring: [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01]] } },
  { id: 2, shape: { kind: 'circle', center: [10.01, 50.005], radiusMeters: 200 } },
]
const [yard, gate] = detectionZones(zones) as [BoundedZone, BoundedZone]
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 8, 0, second))

describe('geozoneTransitions', () => {
  it('reports enter then exit along a path through a polygon', () => {
    const points = [
      { lon: 9.99, lat: 50.005, at: at(0) },
      { lon: 10.002, lat: 50.005, at: at(10) },
      { lon: 10.004, lat: 50.005, at: at(20) },
      { lon: 9.98, lat: 50.005, at: at(30) },
    ]
    const { transitions, inside } = geozoneTransitions([yard], new Map(), points)
    expect(transitions).toEqual([{ geozoneId: 1, kind: 'enter', at: at(10) }, { geozoneId: 1, kind: 'exit', at: at(30) }])
    expect(inside.size).toBe(0)
  })

  it('reports nothing while the vehicle stays inside a geozone it was already in', () => {
    const { transitions, inside } = geozoneTransitions([yard], new Map([[1, at(0)]]), [{ lon: 10.005, lat: 50.005, at: at(10) }])
    expect(transitions).toEqual([])
    expect(inside.get(1)).toEqual(at(0))
  })

  it('puts the exits of a point before its enters and tracks overlapping geozones separately', () => {
    const points = [
      { lon: 10.005, lat: 50.005, at: at(0) },
      { lon: 10.0099, lat: 50.005, at: at(10) },
      { lon: 10.012, lat: 50.005, at: at(20) },
    ]
    const { transitions, inside } = geozoneTransitions([yard, gate], new Map(), points)
    expect(transitions.map(t => `${t.kind}:${t.geozoneId}@${t.at.getUTCSeconds()}`)).toEqual(['enter:1@0', 'enter:2@10', 'exit:1@20'])
    expect([...inside.keys()]).toEqual([2])
  })

  it('exits a geozone the vehicle was recorded in when the first point is outside', () => {
    const { transitions } = geozoneTransitions([yard], new Map([[1, at(0)]]), [{ lon: 11, lat: 51, at: at(5) }])
    expect(transitions).toEqual([{ geozoneId: 1, kind: 'exit', at: at(5) }])
  })
})
