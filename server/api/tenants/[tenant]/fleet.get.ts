// The fleet snapshot: every vehicle of the tenant with its latest position and status, what the map
// reloads when it missed events; guarded like private-tenant.{t}.fleet.
import { authorizeTenant } from '../../../domain/policies'
import { fleetSnapshot } from '../../../domain/vehicles/vehicle-queries'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  return { data: await fleetSnapshot(await useDatabase(), tenantId) }
})
