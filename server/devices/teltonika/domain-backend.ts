// The tracker backend of the running server: the domain's vehicle lookup and tracker ingest, one transaction per packet.
import type { DomainContext } from '../../domain/context'
import { ingestTrackerPositions } from '../../domain/vehicles/ingest-tracker-positions'
import { vehicleByImei } from '../../domain/vehicles/vehicle-by-imei'
import type { TrackerBackend } from './tracker-connection'

/** A backend over the domain context `domain()` gives; broadcasts go out only after each commit. */
export function domainTrackerBackend(domain: () => Promise<DomainContext>, onResponse: TrackerBackend['commandResponse']): TrackerBackend {
  return {
    identify: async imei => vehicleByImei((await domain()).db, imei),
    store: async (vehicle, positions) => {
      const ctx = await domain()
      const outcome = await ctx.db.transaction(tx => ingestTrackerPositions(ctx, tx, vehicle.tenantId, { positions }))
      outcome.announce(ctx)
    },
    commandResponse: onResponse,
  }
}
