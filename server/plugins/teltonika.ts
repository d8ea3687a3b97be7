// Starts the Teltonika tracker listener (see listener-config), with command delivery, and closes it with the server.
import { domainTrackerBackend } from '../devices/teltonika/domain-backend'
import type { TeltonikaListener } from '../devices/teltonika/listener'
import { startTeltonikaListener } from '../devices/teltonika/listener'
import { teltonikaListenerConfig } from '../devices/teltonika/listener-config'
import { setRunningListener } from '../devices/teltonika/running-listener'
import { TrackerSessions } from '../devices/teltonika/tracker-sessions'
import { finishVehicleCommand, takeNextVehicleCommand } from '../domain/vehicle-commands/tracker-command-delivery'

export default defineNitroPlugin((nitroApp) => {
  let config
  try {
    config = teltonikaListenerConfig(process.env)
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  if (!config) return
  const idleSeconds = Number(process.env.TELTONIKA_IDLE_TIMEOUT_SECONDS || 600)
  const log = (message: string) => console.warn(`[lookout] ${message}`)
  const sessions = new TrackerSessions({
    take: async vehicleId => takeNextVehicleCommand(await useDomain(), vehicleId),
    finish: async (commandId, response) => finishVehicleCommand(await useDomain(), commandId, response),
  }, log)
  let listener: TeltonikaListener | null = null
  startTeltonikaListener(domainTrackerBackend(useDomain, (vehicle, text) => sessions.response(vehicle.id, text)), {
    ...config,
    idleTimeoutMs: idleSeconds * 1000,
    log,
    onIdentified: (vehicle, _imei, connection) => sessions.attach(vehicle.id, connection),
    onClosed: connection => sessions.detach(connection),
  }).then((started) => {
    listener = started
    setRunningListener({ port: started.port, sessions })
    console.log(`[lookout] Teltonika trackers: Codec 8/8E over TCP on port ${started.port}`)
  }).catch((error) => {
    console.error(`[lookout] Teltonika listener could not start on port ${config.port}: ${(error as Error).message}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    setRunningListener(null)
    await listener?.close()
  })
})
