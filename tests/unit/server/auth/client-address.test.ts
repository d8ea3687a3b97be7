// Which address limits count: the socket's peer, or X-Forwarded-For's last hop only behind a trusted proxy.
import { describe, expect, it } from 'vitest'
import { clientAddress, trustsProxy } from '../../../../server/auth/client-address'

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted, so a client cannot pick its own address', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', false)).toBe('203.0.113.9')
    expect(clientAddress('203.0.113.9', undefined, false)).toBe('203.0.113.9')
  })

  it('takes the last X-Forwarded-For entry behind a trusted proxy: the earlier ones came from the client', () => {
    expect(clientAddress('10.0.0.2', '1.1.1.1, 2.2.2.2,  198.51.100.7 ', true)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.2', '198.51.100.7', true)).toBe('198.51.100.7')
  })

  it('falls back to the socket peer when a trusted proxy sent no address', () => {
    expect(clientAddress('10.0.0.2', '', true)).toBe('10.0.0.2')
    expect(clientAddress('10.0.0.2', ' , ', true)).toBe('10.0.0.2')
    expect(clientAddress(undefined, null, true)).toBe('unknown')
  })

  it('counts an IPv4 client of a dual-stack listener as its IPv4 address, and IPv6 in one spelling', () => {
    expect(clientAddress('::ffff:127.0.0.1', null, false)).toBe('127.0.0.1')
    expect(clientAddress('::FFFF:10.1.2.3', null, false)).toBe('10.1.2.3')
    expect(clientAddress('2001:DB8::1', null, false)).toBe('2001:db8::1')
  })
})

describe('trustsProxy', () => {
  it('is on only for LOOKOUT_TRUST_PROXY=true', () => {
    expect(trustsProxy({ LOOKOUT_TRUST_PROXY: 'true' })).toBe(true)
    for (const value of [undefined, '', 'false', '1', 'yes', 'TRUE ']) expect(trustsProxy({ LOOKOUT_TRUST_PROXY: value })).toBe(false)
  })
})
