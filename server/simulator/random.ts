// A small seeded random generator (mulberry32), so a simulation can be replayed in tests.

export type Random = () => number

/** A generator of numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A value between `min` and `max`. */
export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min)
}
