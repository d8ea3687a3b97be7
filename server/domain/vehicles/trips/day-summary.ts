// A vehicle's days (in a chosen time zone) summed from detection: distance, driving and idle time, top speed, speeding.
import type { DaySummary } from '../../../../shared/trips'
import type { DetectionListener, Segment } from './trip-detector'
import type { TrackPoint } from './trip-rules'

type DayTotals = Omit<DaySummary, 'vehicleId' | 'vehicleName' | 'day'>

/** A function giving the YYYY-MM-DD day of an epoch-ms time in `timeZone` (an IANA name). */
export function dayIn(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  return at => format.format(at)
}

/**
 * Sums detection's segments and points per day: a segment counts on the day it starts (driving or idle inside
 * a trip; stopped time is neither), a speeding event is a point going over `speedLimit` after one that was not.
 */
export class DaySummarizer {
  private readonly days = new Map<string, DayTotals>()
  private readonly dayOf: (at: number) => string
  private over = false

  constructor(timeZone: string, private readonly speedLimit: number) {
    this.dayOf = dayIn(timeZone)
  }

  /** What detection should tell this summarizer. */
  listener(): DetectionListener {
    return { segment: segment => this.segment(segment), point: point => this.point(point) }
  }

  /** Counts a geozone entry on its day. */
  geozoneVisit(at: number): void {
    this.totals(at).geozoneVisits += 1
  }

  /** The days with anything in them, in day order. */
  result(): Array<{ day: string } & DayTotals> {
    return [...this.days].sort(([a], [b]) => a.localeCompare(b)).map(([day, totals]) => ({
      day, ...totals, distanceKm: Math.round(totals.distanceKm * 1000) / 1000,
      drivingSeconds: Math.round(totals.drivingSeconds), idleSeconds: Math.round(totals.idleSeconds),
    }))
  }

  private segment(segment: Segment): void {
    if (segment.kind === 'stopped') return
    const totals = this.totals(segment.from.at)
    const seconds = (segment.to.at - segment.from.at) / 1000
    totals.distanceKm += segment.km
    if (segment.kind === 'driving') totals.drivingSeconds += seconds
    else totals.idleSeconds += seconds
  }

  private point(point: TrackPoint): void {
    const totals = this.totals(point.at)
    totals.maxSpeed = Math.max(totals.maxSpeed, point.speed)
    const over = point.speed > this.speedLimit
    if (over && !this.over) totals.speedingEvents += 1
    this.over = over
  }

  private totals(at: number): DayTotals {
    const day = this.dayOf(at)
    let totals = this.days.get(day)
    if (!totals) {
      totals = { distanceKm: 0, drivingSeconds: 0, idleSeconds: 0, maxSpeed: 0, geozoneVisits: 0, speedingEvents: 0 }
      this.days.set(day, totals)
    }
    return totals
  }
}
