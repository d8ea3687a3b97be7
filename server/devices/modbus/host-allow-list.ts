// MODBUS_ALLOWED_HOSTS: where Modbus polls may connect. A poll opens a TCP connection from the server to a host an
// admin typed, so an unrestricted server can be pointed at anything it can reach (SSRF); this list bounds that.
import { BlockList, isIP } from 'node:net'

export interface HostAllowList {
  /** The raw setting, for messages. */
  description: string
  /** True when unset: any host may be polled. */
  any: boolean
  /** Host names allowed by name, lower case; `*.example.com` entries as `.example.com` suffixes. */
  names: string[]
  addresses: BlockList
}

/** Parses the comma-separated setting: CIDRs (10.0.0.0/8, fd00::/8), addresses, host names, `*.domain` wildcards. */
export function parseHostAllowList(value: string | undefined): HostAllowList {
  const entries = (value ?? '').split(',').map(entry => entry.trim()).filter(Boolean)
  const list: HostAllowList = { description: entries.join(', '), any: entries.length === 0, names: [], addresses: new BlockList() }
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/')
    const family = isIP(address!)
    if (family !== 0) {
      const type = family === 4 ? 'ipv4' : 'ipv6'
      const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix)
      if (extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`MODBUS_ALLOWED_HOSTS: "${entry}" is not a valid CIDR`)
      list.addresses.addSubnet(address!, bits, type)
    }
    else if (/^(\*\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(entry)) list.names.push(entry.toLowerCase().replace(/^\*/, ''))
    else throw new Error(`MODBUS_ALLOWED_HOSTS: "${entry}" is neither a CIDR, an address nor a host name`)
  }
  return list
}

/** Whether `host` is allowed by name (exactly, or under a `*.domain` entry). */
export function hostNameAllowed(list: HostAllowList, host: string): boolean {
  const name = host.toLowerCase()
  return list.any || list.names.some(entry => entry.startsWith('.') ? name.endsWith(entry) : name === entry)
}

/** Whether an IP address is inside one of the allowed CIDRs. */
export function addressAllowed(list: HostAllowList, address: string): boolean {
  if (list.any) return true
  const family = isIP(address)
  return family !== 0 && list.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/** Whether a connection to `host`, resolved to `address`, may be made: the name is listed, or the address is. */
export function targetAllowed(list: HostAllowList, host: string, address: string): boolean {
  return hostNameAllowed(list, host) || addressAllowed(list, address)
}
