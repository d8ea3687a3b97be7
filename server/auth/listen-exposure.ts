// Whether the server can be reached beyond this machine, and the addresses other devices on the LAN can use.
import type { NetworkInterfaceInfo } from 'node:os'

/** True when HOST names a loopback address (the server is reachable from this machine only). */
export function listensOnLoopbackOnly(host: string | undefined): boolean {
  if (!host) return false
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

/** `http://<address>:<port>` for each non-internal interface, IPv4 first (what a phone on the LAN types). */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, port: number | string): string[] {
  const entries = Object.values(interfaces).flatMap(list => list ?? []).filter(entry => !entry.internal && !entry.address.startsWith('fe80:'))
  entries.sort((left, right) => Number(left.family !== 'IPv4') - Number(right.family !== 'IPv4'))
  return entries.map(entry => `http://${entry.family === 'IPv4' ? entry.address : `[${entry.address}]`}:${port}`)
}
