// The built-in simulator: every tick, each tenant's equipment reports through the device ingest API.
import { CommandSimulation } from './command-simulation'
import { GatewaySimulation, SILENCE_CHANCE } from './gateway-simulation'
import type { IngestClient } from './ingest-client'
import { seededRandom } from './random'
import { SimulatedTracker } from './simulated-tracker'
import { TickSchedule } from './tick-schedule'
import { trackerRecord } from './tracker-record'
import { VehicleSimulation } from './vehicle-simulation'
import type { SimulatedModbusGateways } from './modbus/simulated-gateways'
import type { SimulatedNodeLink } from './mqtt-node-link'
import type { SimulatedTenant } from './world'
import { excursionPlan, ZoneSimulation } from './zone-simulation'

/** The positions API takes up to 1 000 per request (SIMULATOR_VEHICLES can make a tenant's fleet far larger). */
const POSITIONS_PER_REQUEST = 1000

interface TenantSimulation {
  id: number
  client: IngestClient
  zones: ZoneSimulation
  gateways: GatewaySimulation
  vehicles: VehicleSimulation
  commands: CommandSimulation
  /** Trackers of the vehicles with an IMEI, by vehicle id. */
  trackers: Map<number, SimulatedTracker>
  /** The nodes' MQTT connection, when they speak MQTT instead of HTTP. */
  mqtt?: SimulatedNodeLink
}

export interface SimulatorOptions {
  intervalMs: number
  seed: number
  /** Called with each failed ingest call (status and path), for the log. */
  onFailure?: (status: number, path: string) => void
  /** The Teltonika listener's port while one runs: vehicles with an IMEI then report over Codec 8. */
  trackerPort?: () => number | null
  /** The MQTT connection of a tenant's nodes (see mqtt-node-link.ts), when the embedded broker runs. */
  nodeLink?: (tenantId: number) => SimulatedNodeLink | undefined
  /** Called after each round with its duration and the intervals it covered (more than 1: slots were skipped). */
  onRound?: (ms: number, intervals: number) => void
  /** The devices of the gateways polled over Modbus TCP on this machine: their values go into registers, not over HTTP. */
  modbus?: SimulatedModbusGateways
  /** Whether gateways now and then fall silent (default true; SIMULATOR_OUTAGES=off). */
  outages?: boolean
  /** Position requests of a tenant sent at once (default 1); more only pays where the database works beside the server. */
  positionRequestsInFlight?: number
}

export class Simulator {
  private readonly tenants: TenantSimulation[]
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false

  constructor(world: SimulatedTenant[], clientFor: (tenantId: number) => IngestClient, private readonly options: SimulatorOptions) {
    const plan = excursionPlan(options.intervalMs)
    this.tenants = world.map((tenant, index) => {
      const random = seededRandom(options.seed + index * 7919)
      return {
        id: tenant.id,
        client: clientFor(tenant.id),
        zones: new ZoneSimulation(tenant, random, plan.chance, plan.ticks),
        gateways: new GatewaySimulation(tenant, random, options.outages === false ? 0 : SILENCE_CHANCE),
        vehicles: new VehicleSimulation(tenant, random, options.intervalMs / 1000),
        commands: new CommandSimulation(tenant, random),
        trackers: new Map(tenant.vehicles.filter(vehicle => vehicle.imei && options.trackerPort).map(vehicle => [
          vehicle.id, new SimulatedTracker(vehicle.imei!, options.trackerPort!, message => console.warn(`[lookout] ${message}`)),
        ])),
        mqtt: options.nodeLink?.(tenant.id),
      }
    })
  }

  /**
   * One round of reports from every tenant. Vehicles drive `intervals` intervals' worth, more than one when the round
   * before overran and slots were skipped, so their speed stays true. Requests go one at a time (but for a large fleet's
   * positions, see positionRequestsInFlight): the embedded database takes them one by one anyway, and requests queued
   * ahead of an operator's page would keep it waiting.
   */
  async tick(intervals = 1): Promise<void> {
    const now = new Date()
    for (const tenant of this.tenants) await this.tickTenant(tenant, now, intervals)
  }

  /** Ticks on a fixed grid of `intervalMs` (see tick-schedule.ts): a slow round skips slots rather than delaying every later one. */
  start(): void {
    this.running = true
    const schedule = new TickSchedule(Date.now(), this.options.intervalMs)
    const wait = () => {
      const due = schedule.next(Date.now())
      this.timer = setTimeout(() => void run(due.intervals), Math.max(0, due.dueMs - Date.now()))
    }
    const run = async (intervals: number) => {
      if (!this.running) return
      const started = Date.now()
      await this.tick(intervals).catch(error => console.error(`[lookout] simulator: ${(error as Error).message}`))
      this.options.onRound?.(Date.now() - started, intervals)
      if (this.running) wait()
    }
    wait()
  }

  stop(): void {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    for (const tenant of this.tenants) for (const tracker of tenant.trackers.values()) tracker.stop()
  }

  private async tickTenant(tenant: TenantSimulation, now: Date, intervals: number): Promise<void> {
    const items = tenant.zones.tick()
    if (items.length > 0) await (tenant.mqtt ? tenant.mqtt.telemetry(items) : this.send(tenant.client, '/api/ingest/telemetry', { items }))
    const reports = tenant.gateways.tick()
    for (const report of this.options.modbus?.take(tenant.id, reports) ?? reports) await this.send(tenant.client, '/api/ingest/readings', report)
    // A vehicle whose tracker is not running (no listener here) reports over HTTP instead.
    const positions = tenant.vehicles.tick(intervals).filter(position => !tenant.trackers.get(position.vehicleId)?.report(trackerRecord(position, now)))
    const chunks: Array<typeof positions> = []
    for (let start = 0; start < positions.length; start += POSITIONS_PER_REQUEST) chunks.push(positions.slice(start, start + POSITIONS_PER_REQUEST))
    // Each chunk holds other vehicles, so chunks sent side by side never wait on each other's row locks.
    const senders = Array.from({ length: Math.min(chunks.length, this.options.positionRequestsInFlight ?? 1) }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await this.send(tenant.client, '/api/ingest/positions', { positions: chunk })
    })
    await Promise.all(senders)
    await (tenant.mqtt ? tenant.mqtt.tickCommands() : tenant.commands.tick(tenant.client))
  }

  private async send(client: IngestClient, path: string, body: unknown): Promise<void> {
    const status = await client.post(path, body)
    if (status >= 300) this.options.onFailure?.(status, path)
  }
}
