// A connection's answers to "does the token's tenant have this node/gateway/vehicle?". Ownership of a uid does
// not move, so a yes is kept for the connection's life; a no is asked again later (the entity may be created
// meanwhile). A lookup in flight is shared: aedes hands authorizePublish every packet of a socket read at once
// (and reads again while they wait), so a device's first messages would otherwise each query the database, and
// under load those queries queue in front of the telemetry transactions.
import type { DeviceEntity } from '../../domain/device-ownership'
import { entityKey } from './topic-entity'

/** `lookup` wrapped so each entity is asked at most once at a time, and never again once it answered yes. */
export function cachedOwnership(lookup: (entity: DeviceEntity) => Promise<boolean>): (entity: DeviceEntity) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>()
  return (entity) => {
    const key = entityKey(entity)
    const known = answers.get(key)
    if (known) return known
    const asked = lookup(entity)
    answers.set(key, asked)
    asked.then((owned) => {
      if (!owned) answers.delete(key)
    }, () => answers.delete(key))
    return asked
  }
}
