// Splits a vehicle's track into trips and stops, one point at a time, so a year of positions streams through.
import type { Stop, Trip } from '../../../../shared/trips'
import { distanceMeters } from '../../geozones/geometry'
import { GpsJumpFilter } from './gps-jump-filter'
import { TripAccumulator, toStop } from './trip-accumulator'
import type { TrackPoint, TripRules } from './trip-rules'

/** The stretch between two consecutive trusted points: inside a trip moving ('driving') or not ('idle'), or 'stopped'. */
export interface Segment {
  from: TrackPoint
  to: TrackPoint
  km: number
  kind: 'driving' | 'idle' | 'stopped'
}

export interface DetectionListener {
  trip?: (trip: Trip) => void
  stop?: (stop: Stop) => void
  segment?: (segment: Segment) => void
  /** Every trusted point, in time order. */
  point?: (point: TrackPoint) => void
}

/**
 * Trip and stop detection (rules in the README): a point is active when its ignition is on, or, without an
 * ignition reading, when its speed reaches `movingSpeedKmh`. A trip ends where the vehicle became inactive
 * once that lasted `minStopSeconds` (a silent tracker counts: the time between fixes is what matters);
 * shorter pauses are idle time inside the trip.
 */
export class TripDetector {
  private readonly filter: GpsJumpFilter
  private prev: TrackPoint | null = null
  private trip: TripAccumulator | null = null
  /** Inside a trip: the first inactive point of a pause not yet long enough to be a stop, and the segments since. */
  private pause: { since: TrackPoint, segments: Segment[] } | null = null
  private stopStart: TrackPoint | null = null

  constructor(private readonly rules: TripRules, private readonly listener: DetectionListener) {
    this.filter = new GpsJumpFilter(rules.maxPlausibleSpeedKmh, point => this.accept(point))
  }

  /** Takes the next stored point (time order). */
  push(point: TrackPoint): void {
    this.filter.push(point)
  }

  /**
   * Ends the track. When `reachesNow` (the range runs to the present), a trip whose vehicle reported within
   * `minStopSeconds` of `now` is still under way and the last stop still lasts; otherwise both end at the last point.
   */
  finish(now: number, reachesNow: boolean): void {
    this.filter.finish()
    const last = this.prev
    if (!last) return
    if (this.pause) {
      if (reachesNow && now - this.pause.since.at >= this.rules.minStopSeconds * 1000) this.beginStop()
      else if (reachesNow) this.resumeTrip()
      else this.endTripAtPause()
    }
    if (this.trip) this.listener.trip?.(this.trip.toTrip(reachesNow && now - last.at < this.rules.minStopSeconds * 1000))
    if (this.stopStart) this.listener.stop?.(toStop(this.stopStart, reachesNow ? null : last.at, now))
  }

  private active(point: TrackPoint): boolean {
    return point.ignition ?? point.speed >= this.rules.movingSpeedKmh
  }

  private accept(point: TrackPoint): void {
    this.listener.point?.(point)
    const prev = this.prev
    this.prev = point
    if (!prev) {
      if (this.active(point)) this.trip = new TripAccumulator(point)
      else this.stopStart = point
      return
    }
    const segment: Segment = { from: prev, to: point, km: distanceMeters([prev.lon, prev.lat], [point.lon, point.lat]) / 1000, kind: 'stopped' }
    if (this.pause && point.at - this.pause.since.at >= this.rules.minStopSeconds * 1000) this.beginStop()
    if (this.stopStart) {
      this.listener.segment?.(segment)
      if (!this.active(point)) return
      this.listener.stop?.(toStop(this.stopStart, point.at, point.at))
      this.stopStart = null
      this.trip = new TripAccumulator(point)
    }
    else if (this.pause) {
      this.pause.segments.push(segment)
      if (this.active(point)) this.resumeTrip()
    }
    else {
      this.addToTrip(segment)
      if (!this.active(point)) this.pause = { since: point, segments: [] }
    }
  }

  /** Adds a segment to the trip: driving when it ends moving, idle when it ends standing (engine running or a short pause). */
  private addToTrip(segment: Segment): void {
    this.trip!.extend(segment.to, segment.km)
    this.listener.segment?.({ ...segment, kind: segment.to.speed >= this.rules.movingSpeedKmh ? 'driving' : 'idle' })
  }

  /** The pause was short: its segments are idle time of the trip, which goes on. */
  private resumeTrip(): void {
    for (const segment of this.pause!.segments) this.addToTrip(segment)
    this.pause = null
  }

  /** The pause became a stop: the trip ended where it began. */
  private beginStop(): void {
    const { since } = this.pause!
    this.endTripAtPause()
    this.stopStart = since
  }

  private endTripAtPause(): void {
    const { segments } = this.pause!
    this.listener.trip?.(this.trip!.toTrip(false))
    for (const segment of segments) this.listener.segment?.(segment)
    this.trip = null
    this.pause = null
  }
}
