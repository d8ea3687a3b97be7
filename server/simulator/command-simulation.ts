// Device nodes that fetch their zone's queued commands, acknowledge them, and finish them (mostly successfully).
import type { IngestClient } from './ingest-client'
import type { Random } from './random'
import type { SimulatedTenant } from './world'

interface InFlight {
  id: number
  /** Ticks until the next step, and the step. */
  wait: number
  step: 'acknowledge' | 'finish'
}

export class CommandSimulation {
  private readonly inFlight: InFlight[] = []
  /** One node per zone polls for the zone's commands. */
  private readonly pollers: string[]

  constructor(tenant: SimulatedTenant, private readonly random: Random, private readonly failureChance = 0.15) {
    this.pollers = tenant.zones.map(zone => tenant.nodes.find(node => node.zoneId === zone.id)?.uid).filter((uid): uid is string => uid !== undefined)
  }

  /** Advances commands in flight and picks up new ones. */
  async tick(client: IngestClient): Promise<void> {
    for (const command of [...this.inFlight]) {
      if (--command.wait > 0) continue
      if (command.step === 'acknowledge') {
        await client.post(`/api/ingest/commands/${command.id}/status`, { status: 'acknowledged' })
        Object.assign(command, { step: 'finish', wait: 1 + Math.floor(this.random() * 2) })
        continue
      }
      const failed = this.random() < this.failureChance
      await client.post(`/api/ingest/commands/${command.id}/status`, failed ? { status: 'failed', detail: 'Actuator did not respond' } : { status: 'succeeded' })
      this.inFlight.splice(this.inFlight.indexOf(command), 1)
    }
    for (const uid of this.pollers) {
      const answer = await client.get<{ data: Array<{ id: number }> } | Array<{ id: number }>>(`/api/ingest/commands?device=${encodeURIComponent(uid)}`)
      const commands = Array.isArray(answer) ? answer : answer?.data ?? []
      for (const command of commands) this.inFlight.push({ id: command.id, wait: 1, step: 'acknowledge' })
    }
  }
}
