// The range a report's date pickers mean: from the first day's local midnight to the midnight after the last day.

/** YYYY-MM-DD of a local date. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** ISO `from` and `to` covering the local days `first`..`last` (YYYY-MM-DD, inclusive). */
export function dayRange(first: string, last: string): { from: string, to: string } {
  const [y1, m1, d1] = first.split('-').map(Number) as [number, number, number]
  const [y2, m2, d2] = last.split('-').map(Number) as [number, number, number]
  return { from: new Date(y1, m1 - 1, d1).toISOString(), to: new Date(y2, m2 - 1, d2 + 1).toISOString() }
}
