// Property tests of the channel-name validator: exactly the protocol's characters and length, '#' only for user channels, never a throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidChannelName, MAX_CHANNEL_NAME_LENGTH, USER_CHANNEL_PREFIX } from '../../../../server/realtime/channel-name'

const ALLOWED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=@,.;'
const allowedChar = fc.constantFrom(...ALLOWED.split(''))
const otherChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter(char => !ALLOWED.includes(char))

/** The rule as the README states it, written independently of the validator. */
function expected(name: string): boolean {
  if (name.length < 1 || name.length > MAX_CHANNEL_NAME_LENGTH) return false
  if (name.startsWith('#') && !name.startsWith(USER_CHANNEL_PREFIX)) return false
  const body = name.startsWith(USER_CHANNEL_PREFIX) ? name.slice(USER_CHANNEL_PREFIX.length) : name
  return body.length > 0 && [...body].every(char => ALLOWED.includes(char))
}

/** Names near the edges: allowed characters with now and then another one, a '#' prefix, lengths around the limit. */
const nearlyValid = fc.tuple(
  fc.constantFrom('', '', 'private-', 'presence-', 'private-encrypted-', '#', USER_CHANNEL_PREFIX),
  fc.array(fc.oneof({ weight: 20, arbitrary: allowedChar }, { weight: 1, arbitrary: otherChar }), { maxLength: MAX_CHANNEL_NAME_LENGTH + 5 }),
).map(([prefix, chars]) => prefix + chars.join(''))

describe('isValidChannelName (properties)', () => {
  it('agrees with the written rule on names near the edges and on arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(nearlyValid, fc.string({ unit: 'binary', maxLength: 200 })), (name) => {
      expect(isValidChannelName(name)).toBe(expected(name))
    }), { numRuns: 5_000 })
  })

  it('accepts every name of allowed characters from 1 to 164 long', () => {
    fc.assert(fc.property(fc.string({ unit: allowedChar, minLength: 1, maxLength: MAX_CHANNEL_NAME_LENGTH }), (name) => {
      expect(isValidChannelName(name)).toBe(true)
    }), { numRuns: 1_000 })
  })

  it('refuses a valid name with any one character replaced by one outside the allowed set', () => {
    fc.assert(fc.property(fc.string({ unit: allowedChar, minLength: 1, maxLength: MAX_CHANNEL_NAME_LENGTH }), fc.nat(), otherChar, (name, at, char) => {
      const i = at % name.length
      const broken = name.slice(0, i) + char + name.slice(i + 1)
      fc.pre(!(i === 0 && char === '#'))
      expect(isValidChannelName(broken)).toBe(false)
    }), { numRuns: 1_000 })
  })

  it('refuses every name longer than 164 characters', () => {
    fc.assert(fc.property(fc.string({ unit: allowedChar, minLength: MAX_CHANNEL_NAME_LENGTH + 1, maxLength: 1_000 }), (name) => {
      expect(isValidChannelName(name)).toBe(false)
    }), { numRuns: 300 })
  })

  it('never throws and accepts only strings, whatever the value', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const valid = isValidChannelName(value)
      if (valid) expect(typeof value).toBe('string')
    }), { numRuns: 2_000 })
  })
})
