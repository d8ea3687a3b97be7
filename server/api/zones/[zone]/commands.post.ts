// Sends a command to a zone (operators and admins): `{ kind, params?, deviceId? }`; answered 201 with it queued.
// sendCommand checks the zone and the ability itself (403), so the route does not repeat it.
import { sendCommand } from '../../../domain/commands/send-command'
import { sendCommandInput } from '../../../domain/commands/command-schema'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const actor = await useActor(event, 'command')
  const ctx = await useDomain()
  const input = await validBody(event, sendCommandInput)
  const command = await domainCall(() => sendCommand(ctx, actor, zoneId, input))
  setResponseStatus(event, 201)
  return { data: command }
})
