// fast-check arbitraries for property tests: a string with exactly one code point replaced, inserted or removed.
import fc from 'fast-check'

/** `text` changed by one code point (never equal to `text`); `alphabet` supplies replacement and inserted characters. */
export function oneCharChange(text: string, alphabet: fc.Arbitrary<string> = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })): fc.Arbitrary<string> {
  const chars = [...text]
  const edits: Array<fc.Arbitrary<string>> = [
    fc.tuple(fc.nat({ max: chars.length }), alphabet).map(([at, char]) => [...chars.slice(0, at), char, ...chars.slice(at)].join('')),
  ]
  if (chars.length > 0) {
    edits.push(
      fc.nat({ max: chars.length - 1 }).map(at => [...chars.slice(0, at), ...chars.slice(at + 1)].join('')),
      fc.tuple(fc.nat({ max: chars.length - 1 }), alphabet)
        .filter(([at, char]) => chars[at] !== char)
        .map(([at, char]) => [...chars.slice(0, at), char, ...chars.slice(at + 1)].join('')),
    )
  }
  return fc.oneof(...edits)
}
