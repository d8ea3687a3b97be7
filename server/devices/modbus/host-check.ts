// The check an admin's Modbus host passes before it is saved or tested: inside MODBUS_ALLOWED_HOSTS.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { GatewayConnection } from '../../../shared/modbus'
import { DomainError } from '../../domain/errors'
import type { HostAllowList } from './host-allow-list'
import { addressAllowed, hostNameAllowed } from './host-allow-list'

/**
 * Throws 422 `connection.host` unless the host may be polled: listed by name, or an address (or a name all of
 * whose addresses are) inside an allowed CIDR. Polls check the address again on every connect.
 */
export async function requireAllowedHost(list: HostAllowList, connection: GatewayConnection | undefined): Promise<void> {
  if (!connection || connection.protocol !== 'modbus-tcp' || hostNameAllowed(list, connection.host)) return
  const refuse = (why: string) => new DomainError(422, 'connection.host', `${connection.host} ${why} MODBUS_ALLOWED_HOSTS (${list.description})`)
  if (isIP(connection.host)) {
    if (!addressAllowed(list, connection.host)) throw refuse('is outside')
    return
  }
  let addresses: string[]
  try {
    addresses = (await lookup(connection.host, { all: true })).map(entry => entry.address)
  }
  catch {
    throw refuse('cannot be resolved to check it against')
  }
  if (!addresses.every(address => addressAllowed(list, address))) throw refuse('resolves to an address outside')
}
