// Instants written into stored messages (ISO-8601, UTC) shown in the reader's own clock, and how long things last.
import type { TimeAmount } from './relative-time'

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g

/** `text` with every ISO-8601 instant replaced by `format` of it (by default the browser's local date and time). */
export function localTimesIn(text: string, format: (date: Date) => string = date => date.toLocaleString()): string {
  return text.replace(ISO_INSTANT, (instant) => {
    const date = new Date(instant)
    return Number.isNaN(date.getTime()) ? instant : format(date)
  })
}

/** How long from `fromIso` to `to` (ms) in at most two units: 45 s; 12 min; 3 h 5 min; 2 d 4 h. */
export function durationAmounts(fromIso: string, to: number): TimeAmount[] {
  const seconds = Math.max(0, Math.floor((to - Date.parse(fromIso)) / 1000))
  if (seconds < 60) return [{ value: seconds, unit: 'second' }]
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return [{ value: minutes, unit: 'minute' }]
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? [{ value: hours, unit: 'hour' }, { value: minutes % 60, unit: 'minute' }] : [{ value: hours, unit: 'hour' }]
  const days = Math.floor(hours / 24)
  return hours % 24 ? [{ value: days, unit: 'day' }, { value: hours % 24, unit: 'hour' }] : [{ value: days, unit: 'day' }]
}

const SYMBOL = { second: 's', minute: 'min', hour: 'h', day: 'd' }

/** In English: how long from `fromIso` to `to`, as "45 s" or "3 h 5 min". Pages use useLocaleFormat().duration. */
export function durationText(fromIso: string, to: number): string {
  return durationAmounts(fromIso, to).map(({ value, unit }) => `${value} ${SYMBOL[unit]}`).join(' ')
}
