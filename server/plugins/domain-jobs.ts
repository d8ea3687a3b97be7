// Periodic domain jobs: command timeouts, gateway and vehicle liveness, retention, the embedded database's vacuum and
// statistics; batches flushed on shutdown.
import { analyzeEmbeddedDatabase, vacuumRewrittenTables } from '../db/embedded-vacuum'
import { timeOutCommands } from '../domain/commands/command-timeouts'
import type { DomainContext } from '../domain/context'
import { timeOutVehicleCommands } from '../domain/vehicle-commands/tracker-command-delivery'
import { pruneReadings } from '../domain/gateways/retention'
import { sweepGatewayStatus } from '../domain/gateways/sweep-status'
import { markOfflineVehicles } from '../domain/vehicles/offline-sweep'
import { flushPositionBatches } from '../domain/vehicles/position-batches'
import { prunePositions } from '../domain/vehicles/retention'
import { pruneTelemetry, pruneTelemetryRollups } from '../domain/zones/telemetry-retention'
import { flushTelemetryBatches } from '../domain/zones/telemetry-batches'

type Job = (ctx: DomainContext) => Promise<unknown>

// Often enough that at 10 000 vehicle updates a second a vacuum finds at most about 150 000 dead rows (tens of ms).
const EMBEDDED_VACUUM_MS = 15_000

async function vacuumEmbeddedDatabase(): Promise<void> {
  await vacuumRewrittenTables(await useDatabaseHandle())
}

// Statistics move slowly (tables grow by rows, not by orders of magnitude, within minutes).
const EMBEDDED_ANALYZE_MS = 600_000

async function refreshEmbeddedStatistics(): Promise<void> {
  await analyzeEmbeddedDatabase(await useDatabaseHandle())
}

/** Runs `jobs` every `intervalMs`, one round at a time; a failing job is logged and retried next round. */
function every(intervalMs: number, jobs: Job[]): () => void {
  let running = true
  let timer: ReturnType<typeof setTimeout> | null = null
  const round = async () => {
    const ctx = await useDomain()
    for (const job of jobs) await job(ctx).catch(error => console.error(`[lookout] job ${job.name}: ${(error as Error).message}`))
    if (running) timer = setTimeout(round, intervalMs)
  }
  timer = setTimeout(round, intervalMs)
  return () => {
    running = false
    if (timer) clearTimeout(timer)
  }
}

export default defineNitroPlugin((nitroApp) => {
  const liveness = Number(process.env.DOMAIN_SWEEP_MS || 5000)
  const stops = [
    every(liveness, [timeOutCommands, timeOutVehicleCommands, sweepGatewayStatus, ctx => markOfflineVehicles(ctx)]),
    every(3_600_000, [pruneTelemetry, pruneTelemetryRollups, pruneReadings, prunePositions]),
    every(EMBEDDED_VACUUM_MS, [vacuumEmbeddedDatabase]),
    every(EMBEDDED_ANALYZE_MS, [refreshEmbeddedStatistics]),
  ]
  nitroApp.hooks.hook('close', () => {
    for (const stop of stops) stop()
    flushTelemetryBatches()
    flushPositionBatches()
  })
})
