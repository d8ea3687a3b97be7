// How often the fallback polls while the socket is down: 5 s at first, 10 s after a few tries, 30 s for long outages.

/** Delay before poll number `tries + 1`. */
export function pollDelay(tries: number): number {
  if (tries < 3) return 5000
  if (tries < 9) return 10_000
  return 30_000
}
