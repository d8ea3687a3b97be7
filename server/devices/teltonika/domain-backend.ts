// The tracker backend of the running server: the domain's vehicle lookup and tracker ingest, with the packets
// of all trackers stored together in group commits (tracker-group-commit.ts).
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import { recordIngest } from '../../observability/ingest-metrics'
import { vehicleByImei } from '../../domain/vehicles/vehicle-by-imei'
import type { TrackerBackend } from './tracker-connection'
import { TrackerGroupCommit } from './tracker-group-commit'

/** A backend over the domain context `domain()` gives; broadcasts go out only after each commit, each packet is counted in the ingest metrics. */
export function domainTrackerBackend(domain: () => Promise<DomainContext>, onResponse: TrackerBackend['commandResponse'], commits = new TrackerGroupCommit(domain)): TrackerBackend {
  return {
    identify: async imei => vehicleByImei((await domain()).db, imei),
    store: async (vehicle, positions) => {
      const started = performance.now()
      const seconds = () => (performance.now() - started) / 1000
      try {
        await commits.store(vehicle, positions)
        recordIngest('codec8', 'positions', 'stored', seconds())
      }
      catch (error) {
        recordIngest('codec8', 'positions', error instanceof DomainError ? 'refused' : 'failed', seconds())
        throw error
      }
    },
    commandResponse: onResponse,
  }
}
