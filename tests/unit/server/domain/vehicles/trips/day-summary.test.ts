import { describe, expect, it } from 'vitest'
import { DaySummarizer, dayIn } from '../../../../../../server/domain/vehicles/trips/day-summary'
import { TripDetector } from '../../../../../../server/domain/vehicles/trips/trip-detector'
import type { TrackPoint } from '../../../../../../server/domain/vehicles/trips/trip-rules'
import { DEFAULT_TRIP_RULES } from '../../../../../../server/domain/vehicles/trips/trip-rules'
import { SyntheticTrack } from './synthetic-track'

/** The days of `points` summed in `timeZone` with a speed limit of `limit`. */
function summarize(points: TrackPoint[], timeZone: string, limit = 90) {
  const summarizer = new DaySummarizer(timeZone, limit)
  const detector = new TripDetector(DEFAULT_TRIP_RULES, summarizer.listener())
  for (const point of points) detector.push(point)
  detector.finish(Number.MAX_SAFE_INTEGER, false)
  return summarizer.result()
}

describe('dayIn', () => {
  it('names the local day of an instant in the time zone', () => {
    const at = Date.parse('2026-06-01T22:30:00Z')
    expect(dayIn('UTC')(at)).toBe('2026-06-01')
    expect(dayIn('Europe/Amsterdam')(at)).toBe('2026-06-02')
    expect(dayIn('America/New_York')(at)).toBe('2026-06-01')
  })
})

describe('DaySummarizer', () => {
  it('splits a drive across local midnight into the two days of the time zone asked for', () => {
    // 21:40Z to 22:20Z is 23:40 to 00:20 in Amsterdam (summer time, UTC+2).
    const track = new SyntheticTrack(Date.parse('2026-06-01T21:40:00Z')).drive(2400, 60)
    const utc = summarize(track.points, 'UTC')
    expect(utc.map(day => day.day)).toEqual(['2026-06-01'])
    expect(utc[0]!.drivingSeconds).toBe(2390)
    const amsterdam = summarize(track.points, 'Europe/Amsterdam')
    expect(amsterdam.map(day => [day.day, day.drivingSeconds])).toEqual([['2026-06-01', 1190], ['2026-06-02', 1200]])
    expect(amsterdam[0]!.distanceKm + amsterdam[1]!.distanceKm).toBeCloseTo(utc[0]!.distanceKm, 6)
  })

  it('counts idle time in a trip apart from driving, and stopped time in neither', () => {
    const track = new SyntheticTrack(Date.parse('2026-06-01T08:00:00Z')).drive(600).stand(120).drive(600).stand(1800).drive(60)
    const [day] = summarize(track.points, 'UTC')
    // Driving: 590 + 10 (pulling away) + 590 + 50 s. Idle: the 120 s pause, plus the 10 s before the first
    // standing fix that ended the trip. The 30-minute stop is neither.
    expect(day).toMatchObject({ drivingSeconds: 1240, idleSeconds: 130 })
  })

  it('counts each excursion over the limit once, and the top speed of the day', () => {
    const track = new SyntheticTrack(Date.parse('2026-06-01T08:00:00Z')).drive(60, 80).drive(60, 110).drive(60, 80).drive(30, 130).drive(60, 70)
    const [day] = summarize(track.points, 'UTC', 100)
    expect(day).toMatchObject({ speedingEvents: 2, maxSpeed: 130 })
  })

  it('counts geozone entries on their local day', () => {
    const summarizer = new DaySummarizer('Europe/Amsterdam', 90)
    summarizer.geozoneVisit(Date.parse('2026-06-01T21:59:00Z'))
    summarizer.geozoneVisit(Date.parse('2026-06-01T22:01:00Z'))
    expect(summarizer.result().map(day => [day.day, day.geozoneVisits])).toEqual([['2026-06-01', 1], ['2026-06-02', 1]])
  })
})
