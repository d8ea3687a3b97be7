import { describe, expect, it } from 'vitest'
import { DEGREES_PER_KM, SyntheticTrack, detect } from './synthetic-track'

const START = Date.parse('2026-03-10T08:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString()

describe('trip detection by movement (no ignition reported)', () => {
  it('splits drives at a stop of at least 5 minutes and reports the stop with its duration', () => {
    const track = new SyntheticTrack(START).drive(600).stand(600).drive(300)
    const { trips, stops } = detect(track.points)
    expect(trips).toHaveLength(2)
    expect(trips[0]).toMatchObject({ startAt: iso(START + 10_000), endAt: iso(START + 610_000), durationSeconds: 600, maxSpeed: 60 })
    expect(trips[0]!.distanceKm).toBeCloseTo(9.833, 2)
    expect(trips[0]!.avgSpeed).toBeCloseTo(59, 0)
    expect(stops).toEqual([{ startAt: iso(START + 610_000), endAt: iso(START + 1_210_000), lat: trips[0]!.endLat, lon: 5, durationSeconds: 600 }])
    expect(trips[1]).toMatchObject({ startAt: iso(START + 1_210_000), endAt: iso(START + 1_500_000), durationSeconds: 290 })
  })

  it('keeps a pause shorter than 5 minutes inside the trip as idle time', () => {
    const track = new SyntheticTrack(START).drive(600).stand(240).drive(600)
    const { trips, stops, segments } = detect(track.points)
    expect(trips).toHaveLength(1)
    expect(stops).toHaveLength(0)
    expect(trips[0]!.durationSeconds).toBe(1430)
    const idle = segments.filter(segment => segment.kind === 'idle').reduce((sum, segment) => sum + segment.to.at - segment.from.at, 0)
    expect(idle).toBe(240_000)
  })

  it('sees a stop across a silent tracker: the time between fixes counts, not their number', () => {
    const sleeping = new SyntheticTrack(START).drive(300).stand(10)
    sleeping.jump(1800, 0.01, 40, true).drive(300)
    const { trips, stops } = detect(sleeping.points)
    expect(trips).toHaveLength(2)
    expect(stops).toEqual([expect.objectContaining({ startAt: iso(START + 310_000), durationSeconds: 1800 })])
  })
})

describe('trip detection by ignition', () => {
  it('keeps a vehicle idling with its ignition on in its trip', () => {
    const track = new SyntheticTrack(START).drive(300, 50, true).stand(900, true).drive(300, 50, true)
    const { trips, stops } = detect(track.points)
    expect(trips).toHaveLength(1)
    expect(stops).toHaveLength(0)
    expect(trips[0]!.durationSeconds).toBe(1490)
  })

  it('stops when the ignition is off for 5 minutes, even while the receiver reports some speed', () => {
    const track = new SyntheticTrack(START).drive(300, 50, true).drive(600, 8, false).drive(300, 50, true)
    const { trips, stops } = detect(track.points)
    expect(trips).toHaveLength(2)
    expect(stops).toHaveLength(1)
    expect(stops[0]).toMatchObject({ startAt: iso(START + 310_000), durationSeconds: 600 })
  })

  it('ignores a short ignition-off (a stalled engine) inside a trip', () => {
    const track = new SyntheticTrack(START).drive(300, 50, true).stand(60, false).drive(300, 50, true)
    expect(detect(track.points).trips).toHaveLength(1)
  })
})

describe('GPS jumps and bad fixes', () => {
  it('drops a lone fix far away and does not add its distance', () => {
    const clean = new SyntheticTrack(START).drive(600)
    const glitched = new SyntheticTrack(START).drive(300)
    glitched.jump(10, 40)
    glitched.drive(290)
    const expected = detect(clean.points).trips[0]!.distanceKm
    const { trips } = detect(glitched.points)
    expect(trips).toHaveLength(1)
    expect(trips[0]!.distanceKm).toBeCloseTo(expected - 10 / 360 * 60 / 60 * 1, 0)
    expect(trips[0]!.distanceKm).toBeLessThan(expected + 0.1)
  })

  it('follows a vehicle whose later fixes agree with a far position (it really moved)', () => {
    const track = new SyntheticTrack(START).drive(300)
    const before = track.points.at(-1)!.lat
    track.jump(10, 40, 60, true).drive(300)
    const { trips } = detect(track.points)
    expect(trips[0]!.endLat).toBeGreaterThan(before + 39 * DEGREES_PER_KM)
  })

  it('skips fixes without satellites and points that do not move forward in time', () => {
    const track = new SyntheticTrack(START).drive(300)
    const bad = { ...track.points[5]!, lat: 0, lon: 0, fix: false }
    const stale = { ...track.points[3]!, at: track.points[10]!.at }
    const points = [...track.points.slice(0, 10), bad, track.points[10]!, stale, ...track.points.slice(11)]
    expect(detect(points).trips).toEqual(detect(track.points).trips)
  })
})

describe('midnight and the present', () => {
  it('keeps a trip that crosses midnight in one piece', () => {
    const track = new SyntheticTrack(Date.parse('2026-03-10T23:50:00Z')).drive(1200)
    const { trips } = detect(track.points)
    expect(trips).toHaveLength(1)
    expect(trips[0]).toMatchObject({ startAt: '2026-03-10T23:50:10.000Z', endAt: '2026-03-11T00:10:00.000Z' })
  })

  it('answers a trip still under way with endAt null when the range reaches now', () => {
    const track = new SyntheticTrack(START).stand(600).drive(600)
    const { trips, stops } = detect(track.points, { now: track.lastAt + 20_000, reachesNow: true })
    expect(trips).toEqual([expect.objectContaining({ endAt: null, durationSeconds: 590 })])
    expect(stops[0]!.endAt).not.toBeNull()
  })

  it('ends a trip at its last fix when the tracker has been silent longer than a stop', () => {
    const track = new SyntheticTrack(START).drive(600)
    const { trips } = detect(track.points, { now: track.lastAt + 600_000, reachesNow: true })
    expect(trips[0]!.endAt).toBe(iso(track.lastAt))
  })

  it('answers a vehicle standing since its last trip with an open stop lasting until now', () => {
    const track = new SyntheticTrack(START).drive(600).stand(120)
    const { trips, stops } = detect(track.points, { now: track.lastAt + 600_000, reachesNow: true })
    expect(trips[0]!.endAt).toBe(iso(START + 610_000))
    expect(stops).toEqual([expect.objectContaining({ startAt: iso(START + 610_000), endAt: null, durationSeconds: 710 })])
  })
})
