// Where a history range is read from: raw rows within the raw window (the last days before now), per-minute
// rollups before it; a range crossing the window's start reads both, split at one minute boundary.

/** Days back from now that history reads raw rows (fewer when raw rows are kept for fewer days). */
export const RAW_HISTORY_DAYS = 7

const MINUTE_MS = 60_000

/** The parts of a range: `rollups` (minutes starting in [from, to)) and/or `raw` (samples in [from, to]); at least one is set. */
export interface HistorySplit {
  rollups: { from: Date, to: Date } | null
  raw: { from: Date, to: Date } | null
}

/** The start of the minute `at` falls in (UTC minutes, as the rollups are keyed). */
export function minuteStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS)
}

/**
 * Splits [from, to] at the raw window's start, now - rawDays floored to the minute. The rollup part is widened to
 * whole minutes: it starts at from's minute and ends where the raw part starts (or just after to's minute), so no
 * sample is counted in both parts and none falls between them.
 */
export function splitHistoryRange(from: Date, to: Date, now: Date, rawDays: number): HistorySplit {
  const boundary = minuteStart(new Date(now.getTime() - rawDays * 86_400_000))
  if (from >= boundary) return { rollups: null, raw: { from, to } }
  if (to < boundary) return { rollups: { from: minuteStart(from), to: new Date(minuteStart(to).getTime() + MINUTE_MS) }, raw: null }
  return { rollups: { from: minuteStart(from), to: boundary }, raw: { from: boundary, to } }
}
