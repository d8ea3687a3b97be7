import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from '../../../../server/realtime/origin'

describe('isOriginAllowed', () => {
  it('allows any origin with *', () => {
    expect(isOriginAllowed(['*'], 'https://anything.test')).toBe(true)
    expect(isOriginAllowed(['app.example.com', '*'], 'not a url')).toBe(true)
  })

  it('allows requests without an Origin header (SDKs, devices)', () => {
    expect(isOriginAllowed(['app.example.com'], null)).toBe(true)
    expect(isOriginAllowed(['app.example.com'], undefined)).toBe(true)
    expect(isOriginAllowed(['app.example.com'], '')).toBe(true)
  })

  it('matches an exact hostname whatever the scheme and port', () => {
    expect(isOriginAllowed(['app.example.com'], 'https://app.example.com')).toBe(true)
    expect(isOriginAllowed(['app.example.com'], 'http://app.example.com:8080')).toBe(true)
    expect(isOriginAllowed(['app.example.com'], 'https://other.example.com')).toBe(false)
    expect(isOriginAllowed(['app.example.com'], 'https://app.example.com.evil.test')).toBe(false)
  })

  it('ignores a port written in the pattern', () => {
    expect(isOriginAllowed(['localhost:3000'], 'http://localhost:3000')).toBe(true)
    expect(isOriginAllowed(['localhost:3000'], 'http://127.0.0.1:3000')).toBe(false)
  })

  it('matches subdomains with *.example.com, but not the bare domain or look-alikes', () => {
    const allowed = ['*.example.com']
    expect(isOriginAllowed(allowed, 'https://app.example.com')).toBe(true)
    expect(isOriginAllowed(allowed, 'https://a.b.example.com')).toBe(true)
    expect(isOriginAllowed(allowed, 'https://example.com')).toBe(false)
    expect(isOriginAllowed(allowed, 'https://evilexample.com')).toBe(false)
    expect(isOriginAllowed(allowed, 'https://example.com.evil.test')).toBe(false)
  })

  it('accepts full-URL patterns by their hostname', () => {
    expect(isOriginAllowed(['https://app.example.com'], 'http://app.example.com:4000')).toBe(true)
    expect(isOriginAllowed(['https://app.example.com:8443/path'], 'https://app.example.com')).toBe(true)
    expect(isOriginAllowed(['https://app.example.com'], 'https://other.example.com')).toBe(false)
    expect(isOriginAllowed(['https://*.example.com'], 'https://x.example.com')).toBe(true)
  })

  it('skips malformed patterns without matching everything', () => {
    expect(isOriginAllowed(['http://[bad', 'app.example.com'], 'https://app.example.com')).toBe(true)
    expect(isOriginAllowed(['http://[bad'], 'https://app.example.com')).toBe(false)
  })

  it('refuses a malformed origin when origins are restricted', () => {
    expect(isOriginAllowed(['app.example.com'], 'app.example.com')).toBe(false)
    expect(isOriginAllowed(['app.example.com'], 'null')).toBe(false)
    expect(isOriginAllowed(['app.example.com'], 'https://')).toBe(false)
  })

  describe('with no allowed origins (same-origin default)', () => {
    it('allows a page whose hostname equals the Host header\'s', () => {
      expect(isOriginAllowed([], 'https://dash.example.com', 'dash.example.com')).toBe(true)
      expect(isOriginAllowed([], 'http://localhost:3000', 'localhost:3000')).toBe(true)
    })

    it('ignores the ports of Origin and Host', () => {
      expect(isOriginAllowed([], 'http://localhost:5173', 'localhost:3000')).toBe(true)
      expect(isOriginAllowed([], 'https://dash.example.com', 'dash.example.com:8443')).toBe(true)
      expect(isOriginAllowed([], 'https://dash.example.com:8443', 'dash.example.com')).toBe(true)
    })

    it('compares IPv6 hosts without their brackets', () => {
      expect(isOriginAllowed([], 'http://[::1]:3000', '[::1]:3000')).toBe(true)
      expect(isOriginAllowed([], 'http://[::1]:3000', '[::2]:3000')).toBe(false)
    })

    it('refuses a page from another hostname', () => {
      expect(isOriginAllowed([], 'https://evil.test', 'dash.example.com')).toBe(false)
      expect(isOriginAllowed([], 'http://127.0.0.1:3000', 'localhost:3000')).toBe(false)
      expect(isOriginAllowed([], 'https://sub.dash.example.com', 'dash.example.com')).toBe(false)
      expect(isOriginAllowed([], 'https://dash.example.com.evil.test', 'dash.example.com')).toBe(false)
      expect(isOriginAllowed([], 'https://example.com', 'dash.example.com')).toBe(false)
    })

    it('lets clients without an Origin through, with or without a Host', () => {
      expect(isOriginAllowed([], null, 'dash.example.com')).toBe(true)
      expect(isOriginAllowed([], undefined, undefined)).toBe(true)
      expect(isOriginAllowed([], '', null)).toBe(true)
    })

    it('refuses a browser origin when the Host header is missing or empty', () => {
      expect(isOriginAllowed([], 'https://dash.example.com')).toBe(false)
      expect(isOriginAllowed([], 'https://dash.example.com', null)).toBe(false)
      expect(isOriginAllowed([], 'https://dash.example.com', '')).toBe(false)
    })

    it('refuses a malformed origin even with a Host', () => {
      expect(isOriginAllowed([], 'null', 'dash.example.com')).toBe(false)
      expect(isOriginAllowed([], 'dash.example.com', 'dash.example.com')).toBe(false)
    })
  })
})
