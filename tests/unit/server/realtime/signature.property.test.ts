// Property tests of channel and signin signatures: a valid one verifies, any one-character change breaks it, nothing throws.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signChannelAuth, signUserAuth, verifyChannelAuth, verifyUserAuth } from '../../../../server/realtime/signature'
import { oneCharChange } from '../../../support/mutations'

/**
 * Secrets as the environment can hold them: any code points but NUL. (HMAC pads short keys with
 * zero bytes, so `s` and `s + "\0"` are the same key; an environment variable cannot contain NUL.)
 */
const secretChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter(char => char !== '\0')
const secret = fc.string({ unit: secretChar, minLength: 1, maxLength: 80 })
// An auth string is split at its first colon, so app keys never contain one.
const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter(text => !text.includes(':'))
const socketId = fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`)
const channel = fc.stringMatching(/^(private-|presence-)?[\w\-=@,.;]{1,60}$/)
const channelData = fc.option(fc.jsonValue().map(value => JSON.stringify({ user_id: '1', user_info: value })), { nil: undefined })

const runs = { numRuns: 300 }

describe('channel signatures (properties)', () => {
  it('verify when made for the same key, secret, socket, channel and channel_data', () => {
    fc.assert(fc.property(key, secret, socketId, channel, channelData, (k, s, id, name, data) => {
      expect(verifyChannelAuth(k, s, signChannelAuth(k, s, id, name, data), id, name, data)).toBe(true)
    }), runs)
  })

  it('fail when the secret differs by one character', () => {
    fc.assert(fc.property(key, secret, socketId, channel, channelData, (k, s, id, name, data) => {
      fc.assert(fc.property(oneCharChange(s, secretChar), (other) => {
        expect(verifyChannelAuth(k, s, signChannelAuth(k, other, id, name, data), id, name, data)).toBe(false)
      }), { numRuns: 5 })
    }), runs)
  })

  it('fail for a socket id, channel or channel_data that differs by one character', () => {
    fc.assert(fc.property(key, secret, socketId, channel, fc.jsonValue().map(value => JSON.stringify({ user_id: '1', user_info: value })), (k, s, id, name, data) => {
      const auth = signChannelAuth(k, s, id, name, data)
      fc.assert(fc.property(oneCharChange(id), oneCharChange(name), oneCharChange(data), (otherId, otherName, otherData) => {
        expect(verifyChannelAuth(k, s, auth, otherId, name, data)).toBe(false)
        expect(verifyChannelAuth(k, s, auth, id, otherName, data)).toBe(false)
        expect(verifyChannelAuth(k, s, auth, id, name, otherData)).toBe(false)
      }), { numRuns: 5 })
    }), runs)
  })

  it('fail when the auth string itself differs by one character', () => {
    fc.assert(fc.property(key, secret, socketId, channel, (k, s, id, name) => {
      const auth = signChannelAuth(k, s, id, name)
      fc.assert(fc.property(oneCharChange(auth), (forged) => {
        expect(verifyChannelAuth(k, s, forged, id, name)).toBe(false)
      }), { numRuns: 10 })
    }), runs)
  })

  it('never throw, whatever the auth value and the strings', () => {
    const text = fc.string({ unit: 'binary' })
    fc.assert(fc.property(text, text, fc.anything(), text, text, fc.option(text, { nil: undefined }), (k, s, auth, id, name, data) => {
      expect(typeof verifyChannelAuth(k, s, auth, id, name, data)).toBe('boolean')
    }), { numRuns: 2_000 })
  })

  it('never verify a random auth string', () => {
    fc.assert(fc.property(key, secret, socketId, channel, fc.string({ unit: 'binary' }), (k, s, id, name, forged) => {
      fc.pre(forged !== signChannelAuth(k, s, id, name))
      expect(verifyChannelAuth(k, s, forged, id, name)).toBe(false)
      expect(verifyChannelAuth(k, s, `${k}:${forged}`, id, name)).toBe(false)
    }), { numRuns: 1_000 })
  })
})

describe('signin signatures (properties)', () => {
  const userData = fc.jsonValue().map(info => JSON.stringify({ id: '7', user_info: info }))

  it('verify for the same socket and user data, and fail when either differs by one character', () => {
    fc.assert(fc.property(key, secret, socketId, userData, (k, s, id, data) => {
      const auth = signUserAuth(k, s, id, data)
      expect(verifyUserAuth(k, s, auth, id, data)).toBe(true)
      fc.assert(fc.property(oneCharChange(id), oneCharChange(data), oneCharChange(s, secretChar), (otherId, otherData, otherSecret) => {
        expect(verifyUserAuth(k, s, auth, otherId, data)).toBe(false)
        expect(verifyUserAuth(k, s, auth, id, otherData)).toBe(false)
        expect(verifyUserAuth(k, otherSecret, auth, id, data)).toBe(false)
      }), { numRuns: 5 })
    }), runs)
  })

  it('never throw, whatever the auth value and the strings', () => {
    const text = fc.string({ unit: 'binary' })
    fc.assert(fc.property(text, text, fc.anything(), text, text, (k, s, auth, id, data) => {
      expect(typeof verifyUserAuth(k, s, auth, id, data)).toBe('boolean')
    }), { numRuns: 2_000 })
  })
})
