import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lanAddresses, listensOnLoopbackOnly } from '../../../../server/auth/listen-exposure'

describe('listensOnLoopbackOnly', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('is true for %s', (host) => {
    expect(listensOnLoopbackOnly(host)).toBe(true)
  })

  it.each([undefined, '', '0.0.0.0', '::', '192.168.1.20', 'lookout.local'])('is false for %s (reachable from other machines)', (host) => {
    expect(listensOnLoopbackOnly(host)).toBe(false)
  })
})

describe('lanAddresses', () => {
  const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo

  it('lists non-internal addresses with the port, IPv4 first, without loopback or link-local ones', () => {
    const interfaces = {
      lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
      eth0: [entry('fd00::5', 'IPv6'), entry('fe80::1', 'IPv6'), entry('192.168.1.20', 'IPv4')],
    }
    expect(lanAddresses(interfaces, 3000)).toEqual(['http://192.168.1.20:3000', 'http://[fd00::5]:3000'])
  })
})
