// Loads the plans of polls starting together in one go: gateways asking while a load is running (or in the same
// event-loop turn) are read by the next load, two statements for all of them instead of two per poll. Each poll
// still gets its gateway's plan as of after it asked, so a change made before a poll starts is what it reads.
import type { ModbusGatewayPlan } from '../../domain/gateways/modbus-gateways'

interface Asking {
  gatewayId: number
  resolve: (plan: ModbusGatewayPlan | null) => void
  reject: (error: unknown) => void
}

export class PlanLoader {
  private asking: Asking[] = []
  private loading = false

  constructor(private readonly loadPlans: (gatewayIds: number[]) => Promise<Map<number, ModbusGatewayPlan>>) {}

  /** The gateway's current plan; null once it is archived or no longer polled over Modbus TCP. */
  load(gatewayId: number): Promise<ModbusGatewayPlan | null> {
    return new Promise((resolve, reject) => {
      this.asking.push({ gatewayId, resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.loading) return
    this.loading = true
    setImmediate(() => void this.flush())
  }

  private async flush(): Promise<void> {
    const batch = this.asking
    this.asking = []
    try {
      const plans = await this.loadPlans([...new Set(batch.map(asking => asking.gatewayId))])
      for (const asking of batch) asking.resolve(plans.get(asking.gatewayId) ?? null)
    }
    catch (error) {
      batch.forEach(asking => asking.reject(error))
    }
    finally {
      this.loading = false
      if (this.asking.length > 0) this.schedule()
    }
  }
}
