// Instants written into stored messages (ISO-8601, UTC) shown in the reader's own clock.

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g

/** `text` with every ISO-8601 instant replaced by `format` of it (by default the browser's local date and time). */
export function localTimesIn(text: string, format: (date: Date) => string = date => date.toLocaleString()): string {
  return text.replace(ISO_INSTANT, (instant) => {
    const date = new Date(instant)
    return Number.isNaN(date.getTime()) ? instant : format(date)
  })
}

/** How long from `fromIso` to `to` (ms), as "45 s", "12 min", "3 h 5 min" or "2 d 4 h". */
export function durationText(fromIso: string, to: number): string {
  const seconds = Math.max(0, Math.floor((to - Date.parse(fromIso)) / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}
