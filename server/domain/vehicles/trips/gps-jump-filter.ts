// Drops fixes detection must not trust: no satellite fix, times that do not move forward, and lone GPS jumps.
import { distanceMeters } from '../../geozones/geometry'
import type { TrackPoint } from './trip-rules'

/** km/h needed to go from `a` to `b` in the time between them. */
export function impliedSpeedKmh(a: TrackPoint, b: TrackPoint): number {
  const hours = (b.at - a.at) / 3_600_000
  return hours > 0 ? distanceMeters([a.lon, a.lat], [b.lon, b.lat]) / 1000 / hours : Number.POSITIVE_INFINITY
}

/**
 * Streams points through, holding one back: a held point that is an implausibly fast jump away from the
 * point before it and from the point after it, while those two are plausible together, is a glitch and is
 * dropped. A vehicle that really moved far (a ferry, a gap in reporting) stays where its later fixes agree.
 */
export class GpsJumpFilter {
  private last: TrackPoint | null = null
  private held: TrackPoint | null = null

  constructor(private readonly maxSpeedKmh: number, private readonly accept: (point: TrackPoint) => void) {}

  /** Takes the next point in time order. */
  push(point: TrackPoint): void {
    if (!point.fix) return
    const newest = this.held ?? this.last
    if (newest && point.at <= newest.at) return
    if (this.held) {
      const glitch = this.last !== null && impliedSpeedKmh(this.last, this.held) > this.maxSpeedKmh
        && impliedSpeedKmh(this.held, point) > this.maxSpeedKmh && impliedSpeedKmh(this.last, point) <= this.maxSpeedKmh
      if (!glitch) this.pass(this.held)
    }
    this.held = point
  }

  /** Lets the held point through: no later point will come. */
  finish(): void {
    if (this.held) this.pass(this.held)
    this.held = null
  }

  private pass(point: TrackPoint): void {
    this.last = point
    this.accept(point)
  }
}
