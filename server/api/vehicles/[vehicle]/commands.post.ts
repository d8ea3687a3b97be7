// Sends a command to a vehicle's tracker: `{ kind: "engine_block" | "engine_unblock" }` (operators) or
// `{ kind: "custom", text }` (admins); answered 201 with it queued, delivered once the tracker is connected.
import { vehicleCommandQueued } from '../../../devices/teltonika/running-listener'
import { sendVehicleCommand } from '../../../domain/vehicle-commands/send-vehicle-command'
import { vehicleCommandInput } from '../../../domain/vehicle-commands/vehicle-command-input'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const actor = await useActor(event, 'command')
  const ctx = await useDomain()
  const input = await validBody(event, vehicleCommandInput)
  const command = await domainCall(() => sendVehicleCommand(ctx, actor, vehicleId, input))
  vehicleCommandQueued(vehicleId)
  setResponseStatus(event, 201)
  return { data: command }
})
