import { describe, expect, it } from 'vitest'
import { isOwnOrigin } from '../../../../server/auth/request-origin'

describe('isOwnOrigin', () => {
  it('accepts the server\'s own origin, port included, whatever the scheme a proxy ended', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000', 'same-origin', '127.0.0.1:3000', [])).toBe(true)
    expect(isOwnOrigin('https://lookout.example', undefined, 'lookout.example', [])).toBe(true)
  })

  it('refuses another site, another port of the same host, Origin null and garbage', () => {
    expect(isOwnOrigin('https://evil.example', 'cross-site', '127.0.0.1:3000', [])).toBe(false)
    expect(isOwnOrigin('http://127.0.0.1:9999', 'same-site', '127.0.0.1:3000', [])).toBe(false)
    expect(isOwnOrigin('null', undefined, '127.0.0.1:3000', [])).toBe(false)
    expect(isOwnOrigin('::::', undefined, '127.0.0.1:3000', [])).toBe(false)
  })

  it('accepts origins listed in REVERB_ALLOWED_ORIGINS', () => {
    expect(isOwnOrigin('https://app.example.com', 'cross-site', 'lookout.internal', ['*.example.com'])).toBe(true)
    expect(isOwnOrigin('https://evil.example', 'cross-site', 'lookout.internal', ['*.example.com'])).toBe(false)
  })

  it('without an Origin, refuses only what the browser calls cross-site (scripts and devices send neither)', () => {
    expect(isOwnOrigin(undefined, undefined, '127.0.0.1:3000', [])).toBe(true)
    expect(isOwnOrigin(undefined, 'same-origin', '127.0.0.1:3000', [])).toBe(true)
    expect(isOwnOrigin(undefined, 'cross-site', '127.0.0.1:3000', [])).toBe(false)
  })
})
