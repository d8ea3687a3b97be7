// The headers every response carries and the Content-Security-Policy the pages run under.
import { describe, expect, it } from 'vitest'
import { securityHeaders } from '../../../../server/utils/security-headers'

/** The policy's directives by name. */
function directives(headers: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(headers['content-security-policy']!.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/)
    return [name!, values]
  }))
}

describe('securityHeaders', () => {
  it('forbids sniffing, framing, powerful features and cross-origin openers', () => {
    const headers = securityHeaders({ nonce: 'n0nce', tls: false })
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
    })
    expect(headers['permissions-policy']).toMatch(/(^|, )geolocation=\(\)/)
    expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\)/)
    expect(directives(headers)['frame-ancestors']).toEqual([`'none'`])
  })

  it('lets scripts run only from the server or with the response\'s nonce, never inline or eval', () => {
    const csp = directives(securityHeaders({ nonce: 'abc+/=', tls: false }))
    expect(csp['script-src']).toEqual([`'self'`, `'nonce-abc+/='`])
    expect(csp['object-src']).toEqual([`'none'`])
    expect(csp['base-uri']).toEqual([`'self'`])
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-eval/)
  })

  it('sends HSTS only over TLS', () => {
    expect(securityHeaders({ nonce: 'n', tls: false })['strict-transport-security']).toBeUndefined()
    expect(securityHeaders({ nonce: 'n', tls: true })['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
  })

  it('allows the page\'s own socket origin, the public socket host and the map style\'s origin to be reached', () => {
    const csp = directives(securityHeaders({ nonce: 'n', tls: false, host: 'lookout.local:3000', publicSocketHost: 'ws.example.com', mapStyleUrl: 'https://tiles.example.com/styles/basic/style.json' }))
    expect(csp['connect-src']).toEqual([`'self'`, 'ws://lookout.local:3000', 'wss://lookout.local:3000', 'ws://ws.example.com:*', 'wss://ws.example.com:*', 'https://tiles.example.com'])
    expect(csp['img-src']).toContain('https://tiles.example.com')
    expect(csp['worker-src']).toEqual([`'self'`, 'blob:'])
  })

  it('drops a Host header or URL that is not a plain host, so a request cannot widen the policy', () => {
    for (const host of ['evil.example; script-src *', 'a b', '*', 'x.example/path', '']) {
      const csp = directives(securityHeaders({ nonce: 'n', tls: false, host, mapStyleUrl: 'javascript:alert(1)' }))
      expect(csp['connect-src']).toEqual([`'self'`])
      expect(csp['script-src']).toEqual([`'self'`, `'nonce-n'`])
      expect(csp['img-src']).toEqual([`'self'`, 'data:', 'blob:'])
    }
    expect(directives(securityHeaders({ nonce: 'n', tls: false, host: '[::1]:3000' }))['connect-src']).toContain('ws://[::1]:3000')
  })
})
