// Polls every Modbus TCP gateway of the database: a GatewayPoller per gateway, started and stopped as gateways
// are added, switched to or from Modbus, or deleted, and told of a changed connection (checked every refresh);
// polls share one concurrency bound.
import type { ModbusTcpConnection } from '../../../shared/modbus'
import type { PollerDeps } from './gateway-poller'
import { GatewayPoller } from './gateway-poller'

export interface ModbusPollerDeps extends PollerDeps {
  listGateways: () => Promise<Array<{ id: number, connection: ModbusTcpConnection }>>
  refreshMs: number
}

export class ModbusPoller {
  private readonly pollers = new Map<number, GatewayPoller>()
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(private readonly deps: ModbusPollerDeps) {}

  /** Starts polling, and keeps the set of polled gateways current. */
  start(): void {
    void this.refresh()
  }

  /** How many gateways this node has pollers for (polling, or waiting for their lease). */
  get size(): number {
    return this.pollers.size
  }

  /** Stops every poller. */
  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    for (const poller of this.pollers.values()) poller.stop()
    this.pollers.clear()
  }

  private async refresh(): Promise<void> {
    try {
      const gateways = await this.deps.listGateways()
      if (this.stopped) return
      const live = new Set(gateways.map(gateway => gateway.id))
      for (const [id, poller] of this.pollers) {
        if (live.has(id) && !poller.stopped) continue
        poller.stop()
        this.pollers.delete(id)
      }
      for (const gateway of gateways) {
        this.pollers.get(gateway.id)?.retarget(gateway.connection)
        if (this.pollers.has(gateway.id)) continue
        const poller = new GatewayPoller(gateway.id, gateway.connection, this.deps)
        this.pollers.set(gateway.id, poller)
        poller.start()
      }
    }
    catch (error) {
      this.deps.log(`modbus: gateways not refreshed: ${(error as Error).message}`)
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.refresh(), this.deps.refreshMs)
  }
}
