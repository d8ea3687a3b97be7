// Starts the built-in simulator (SIMULATOR=off disables it) once the database is ready.
import { runningListenerPort } from '../devices/teltonika/running-listener'
import { IngestClient } from '../simulator/ingest-client'
import { Simulator } from '../simulator/simulator'
import { simulatorTokens } from '../simulator/simulator-tokens'
import { loadWorld } from '../simulator/world'

export default defineNitroPlugin((nitroApp) => {
  if (process.env.SIMULATOR === 'off') return
  let simulator: Simulator | null = null
  let stopped = false
  useDatabase().then(async (db) => {
    const world = await loadWorld(db)
    const tokens = await simulatorTokens(db, world.map(tenant => tenant.id))
    if (stopped) return
    const intervalMs = Number(process.env.SIMULATOR_INTERVAL_MS || 2000)
    let failures = 0
    simulator = new Simulator(world, tenantId => new IngestClient((path, init) => nitroApp.localFetch(path, init), tokens.get(tenantId) ?? ''), {
      intervalMs,
      seed: Number(process.env.SIMULATOR_SEED || Date.now() % 100_000),
      trackerPort: runningListenerPort,
      // The first failures say what is wrong; after that the log stays quiet.
      onFailure: (status, path) => {
        if (++failures <= 5) console.warn(`[lookout] simulator: ${path} answered ${status}`)
      },
    })
    simulator.start()
    console.log(`[lookout] simulator on: ${world.length} tenants, a report every ${intervalMs} ms (SIMULATOR=off to disable)`)
  }).catch(error => console.error(`[lookout] simulator could not start: ${(error as Error).message}`))
  nitroApp.hooks.hook('close', () => {
    stopped = true
    simulator?.stop()
  })
})
