// The tracker backend of the running server: the domain's vehicle lookup and tracker ingest, with the packets
// of all trackers stored together in group commits (tracker-group-commit.ts).
import type { DomainContext } from '../../domain/context'
import { vehicleByImei } from '../../domain/vehicles/vehicle-by-imei'
import type { TrackerBackend } from './tracker-connection'
import { TrackerGroupCommit } from './tracker-group-commit'

/** A backend over the domain context `domain()` gives; broadcasts go out only after each commit. */
export function domainTrackerBackend(domain: () => Promise<DomainContext>, onResponse: TrackerBackend['commandResponse'], commits = new TrackerGroupCommit(domain)): TrackerBackend {
  return {
    identify: async imei => vehicleByImei((await domain()).db, imei),
    store: (vehicle, positions) => commits.store(vehicle, positions),
    commandResponse: onResponse,
  }
}
