import { describe, expect, it } from 'vitest'
import { hostNameAllowed, parseHostAllowList, targetAllowed } from '../../../../../server/devices/modbus/host-allow-list'

describe('MODBUS_ALLOWED_HOSTS', () => {
  it('allows any host when unset or empty', () => {
    expect(targetAllowed(parseHostAllowList(undefined), 'metadata.internal', '169.254.169.254')).toBe(true)
    expect(targetAllowed(parseHostAllowList(' '), 'x', '10.0.0.1')).toBe(true)
  })

  it('allows addresses inside the listed CIDRs and single addresses, nothing else', () => {
    const list = parseHostAllowList('10.1.0.0/16, 192.168.5.7, fd00::/8')
    expect(targetAllowed(list, '10.1.200.3', '10.1.200.3')).toBe(true)
    expect(targetAllowed(list, '10.2.0.1', '10.2.0.1')).toBe(false)
    expect(targetAllowed(list, '192.168.5.7', '192.168.5.7')).toBe(true)
    expect(targetAllowed(list, '192.168.5.8', '192.168.5.8')).toBe(false)
    expect(targetAllowed(list, 'fd12::1', 'fd12::1')).toBe(true)
    expect(targetAllowed(list, '169.254.169.254', '169.254.169.254')).toBe(false)
  })

  it('allows listed host names exactly or under a *.domain wildcard, whatever their case', () => {
    const list = parseHostAllowList('plc1.site.example, *.meters.example')
    expect(hostNameAllowed(list, 'PLC1.site.example')).toBe(true)
    expect(hostNameAllowed(list, 'plc2.site.example')).toBe(false)
    expect(hostNameAllowed(list, 'm7.meters.example')).toBe(true)
    expect(hostNameAllowed(list, 'evilmeters.example')).toBe(false)
  })

  it('allows an unlisted name when the address it resolved to is inside a listed CIDR', () => {
    const list = parseHostAllowList('127.0.0.0/8')
    expect(targetAllowed(list, 'localhost', '127.0.0.1')).toBe(true)
    expect(targetAllowed(list, 'localhost', '10.0.0.1')).toBe(false)
  })

  it('refuses a setting that is neither a CIDR, an address nor a host name, naming the entry', () => {
    expect(() => parseHostAllowList('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not a valid CIDR')
    expect(() => parseHostAllowList('http://x')).toThrow('"http://x"')
  })
})
