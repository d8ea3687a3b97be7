// Starts the Teltonika tracker listener (see listener-config), with command delivery, and closes it with the server.
// In cluster mode (REDIS_URL) every instance, with a listener or not, takes part in the command nudges.
import { domainTrackerBackend } from '../devices/teltonika/domain-backend'
import type { TeltonikaListener } from '../devices/teltonika/listener'
import { startTeltonikaListener } from '../devices/teltonika/listener'
import { teltonikaListenerConfig } from '../devices/teltonika/listener-config'
import { CommandNudges } from '../devices/teltonika/command-nudges'
import { setCommandNudges, setRunningListener } from '../devices/teltonika/running-listener'
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
  const log = (message: string) => console.warn(`[lookout] ${message}`)
  const redisUrl = process.env.REDIS_URL
  if (!config) {
    if (redisUrl) useCommandNudges(nitroApp, new CommandNudges(redisUrl, null, log))
    return
  }
  const idleSeconds = Number(process.env.TELTONIKA_IDLE_TIMEOUT_SECONDS || 600)
  const sessions = new TrackerSessions({
    take: async vehicleId => takeNextVehicleCommand(await useDomain(), vehicleId),
    finish: async (commandId, response) => finishVehicleCommand(await useDomain(), commandId, response),
  }, log)
  if (redisUrl) useCommandNudges(nitroApp, new CommandNudges(redisUrl, vehicleId => void sessions.deliver(vehicleId), log))
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

/** Makes `nudges` this process's until the server closes. */
function useCommandNudges(nitroApp: { hooks: { hook: (name: 'close', run: () => void) => unknown } }, nudges: CommandNudges): void {
  setCommandNudges(nudges)
  nitroApp.hooks.hook('close', () => {
    setCommandNudges(null)
    nudges.close()
  })
}
