// The variable a misspelt name was probably meant to be.
import { KNOWN_VARIABLES } from './known-variables'

/** The known variable nearest to a misspelt one (at most 3 edits away), if any. */
export function closestKnownVariable(name: string): string | undefined {
  let best: { name: string, distance: number } | undefined
  for (const candidate of KNOWN_VARIABLES) {
    const distance = editDistance(name, candidate)
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}
