// Starts the Teltonika tracker listener when TELTONIKA_PORT is set, and closes it with the server.
import { domainTrackerBackend } from '../devices/teltonika/domain-backend'
import type { TeltonikaListener } from '../devices/teltonika/listener'
import { startTeltonikaListener } from '../devices/teltonika/listener'

export default defineNitroPlugin((nitroApp) => {
  const port = process.env.TELTONIKA_PORT
  if (port === undefined || port === '') return
  const idleSeconds = Number(process.env.TELTONIKA_IDLE_TIMEOUT_SECONDS || 600)
  let listener: TeltonikaListener | null = null
  const backend = domainTrackerBackend(useDomain, async (vehicle, text) => {
    console.log(`[lookout] Teltonika vehicle ${vehicle.id} answered: ${JSON.stringify(text.slice(0, 200))}`)
  })
  startTeltonikaListener(backend, {
    port: Number(port),
    host: process.env.HOST || undefined,
    idleTimeoutMs: idleSeconds * 1000,
    log: message => console.warn(`[lookout] ${message}`),
  }).then((started) => {
    listener = started
    console.log(`[lookout] Teltonika trackers: Codec 8/8E over TCP on port ${started.port}`)
  }).catch((error) => {
    console.error(`[lookout] Teltonika listener could not start on port ${port}: ${(error as Error).message}`)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    await listener?.close()
  })
})
