// Starts the built-in simulator (SIMULATOR=off disables it) once the database is ready.
import { mqttSettings } from '../devices/mqtt/mqtt-settings'
import { runningListenerPort } from '../devices/teltonika/running-listener'
import { addSimulatedVehicles, wantedVehicles } from '../simulator/extra-vehicles'
import { IngestClient } from '../simulator/ingest-client'
import { repointGateway, servedGateways } from '../simulator/modbus/served-gateways'
import { SimulatedModbusGateways } from '../simulator/modbus/simulated-gateways'
import { simulatedNodeLinks } from '../simulator/mqtt-node-links'
import { runningMqtt } from '../utils/mqtt'
import type { SimulatedNodeLink } from '../simulator/mqtt-node-link'
import { RoundPace } from '../simulator/round-pace'
import { Simulator } from '../simulator/simulator'
import { outagesWanted } from '../simulator/simulator-outages'
import { simulatorTokens } from '../simulator/simulator-tokens'
import { loadWorld } from '../simulator/world'

export default defineNitroPlugin((nitroApp) => {
  if (process.env.SIMULATOR === 'off') return
  let simulator: Simulator | null = null
  let links = new Map<number, SimulatedNodeLink>()
  let modbus: SimulatedModbusGateways | null = null
  let stopped = false
  useDatabase().then(async (db) => {
    const vehicleCount = wantedVehicles(process.env)
    const outages = outagesWanted(process.env)
    if (vehicleCount !== undefined) {
      const added = await addSimulatedVehicles(db, vehicleCount)
      console.log(`[lookout] simulator: ${vehicleCount} vehicles per demo tenant (SIMULATOR_VEHICLES), ${added} added`)
    }
    const world = await loadWorld(db)
    const tokens = await simulatorTokens(db, world.map(tenant => tenant.id))
    // With the embedded broker on (the demo's default), the nodes speak MQTT to it.
    if (mqttSettings(process.env).port !== null) links = await simulatedNodeLinks(world, tokens, await runningMqtt())
    // Gateways polled over Modbus TCP on this machine are played by devices of the simulator's own.
    const served = servedGateways(world)
    if (served.length > 0) {
      modbus = await SimulatedModbusGateways.start(served, (gateway, port) => repointGateway(db, gateway, port), message => console.warn(`[lookout] ${message}`))
      console.log(`[lookout] simulator: Modbus TCP gateways ${modbus.ports.map(({ serial, port }) => `${serial} on 127.0.0.1:${port}`).join(', ')}`)
    }
    if (stopped) {
      await modbus?.stop()
      return
    }
    const intervalMs = Number(process.env.SIMULATOR_INTERVAL_MS || 2000)
    let failures = 0
    const pace = new RoundPace(intervalMs, 60_000, Date.now())
    simulator = new Simulator(world, tenantId => new IngestClient((path, init) => nitroApp.localFetch(path, init), tokens.get(tenantId) ?? ''), {
      intervalMs,
      seed: Number(process.env.SIMULATOR_SEED || Date.now() % 100_000),
      trackerPort: runningListenerPort,
      // The first failures say what is wrong; after that the log stays quiet.
      onFailure: (status, path) => {
        if (++failures <= 5) console.warn(`[lookout] simulator: ${path} answered ${status}`)
      },
      onRound: (ms, intervals) => {
        const behind = pace.record(ms, intervals, Date.now())
        if (behind) console.warn(`[lookout] ${behind}`)
      },
      nodeLink: tenantId => links.get(tenantId),
      modbus: modbus ?? undefined,
      outages,
      // PostgreSQL stores one request while the server prepares the next; the embedded database runs in this thread.
      positionRequestsInFlight: (await useDatabaseHandle()).kind === 'postgres' ? 2 : 1,
    })
    simulator.start()
    console.log(`[lookout] simulator on: ${world.length} tenants, a report every ${intervalMs} ms (SIMULATOR=off to disable)`)
  }).catch(error => console.error(`[lookout] simulator could not start: ${(error as Error).message}`))
  nitroApp.hooks.hook('close', () => {
    stopped = true
    simulator?.stop()
    for (const link of links.values()) void link.close()
    void modbus?.stop()
  })
})
