// Sensor nodes whose readings drift around their zone's targets and now and then breach a threshold.
import type { Random } from './random'
import { between } from './random'
import type { SimulatedTenant } from './world'

const DEFAULT_TARGETS: Record<string, number> = { ph: 6, ec: 1.8, temperature: 23, humidity: 65, water_level: 60 }

/** Excursions per node per hour: with the demo's four zoned nodes a handful of alerts an hour, not one a minute. */
export const EXCURSIONS_PER_NODE_HOUR = 1.25
/** How long an excursion lasts: longer than the thresholds' default 30 s delay, so each one raises an alert. */
const EXCURSION_SECONDS: [number, number] = [45, 120]

/** The per-tick excursion chance and length (in ticks) for a simulator ticking every `intervalMs`. */
export function excursionPlan(intervalMs: number): { chance: number, ticks: [number, number] } {
  return { chance: EXCURSIONS_PER_NODE_HOUR * intervalMs / 3_600_000, ticks: [Math.ceil(EXCURSION_SECONDS[0] * 1000 / intervalMs), Math.ceil(EXCURSION_SECONDS[1] * 1000 / intervalMs)] }
}

interface NodeState {
  uid: string
  values: Record<string, number>
  /** Ticks left of an excursion beyond a threshold, and which metric. */
  excursion: { metric: string, ticks: number } | null
}

export class ZoneSimulation {
  private readonly nodes: NodeState[]

  constructor(private readonly tenant: SimulatedTenant, private readonly random: Random, private readonly breachChance = 0.01, private readonly excursionTicks: [number, number] = [3, 7]) {
    this.nodes = tenant.nodes.map(node => ({ uid: node.uid, values: { ...this.targetsOf(node.zoneId) }, excursion: null }))
  }

  /** One reading per metric of every node. */
  tick(): Array<{ device: string, samples: Array<{ metric: string, value: number }> }> {
    return this.tenant.nodes.map((node, index) => {
      const state = this.nodes[index]!
      const targets = this.targetsOf(node.zoneId)
      const thresholds = this.tenant.zones.find(zone => zone.id === node.zoneId)?.thresholds ?? {}
      if (!state.excursion && this.random() < this.breachChance) {
        const metrics = Object.keys(thresholds)
        if (metrics.length > 0) state.excursion = { metric: metrics[Math.floor(this.random() * metrics.length)]!, ticks: this.excursionTicks[0] + Math.floor(this.random() * (this.excursionTicks[1] - this.excursionTicks[0] + 1)) }
      }
      const samples = Object.entries(targets).map(([metric, target]) => {
        const range = thresholds[metric]
        const spread = range?.min !== undefined && range?.max !== undefined ? (range.max - range.min) / 2 : Math.abs(target) * 0.1 || 1
        let value = state.values[metric]! + between(this.random, -0.08, 0.08) * spread + (target - state.values[metric]!) * 0.1
        if (state.excursion?.metric === metric && range?.max !== undefined) value = range.max + spread * between(this.random, 0.05, 0.3)
        state.values[metric] = value
        return { metric, value: Math.round(value * 100) / 100 }
      })
      if (state.excursion && --state.excursion.ticks <= 0) {
        state.values[state.excursion.metric] = targets[state.excursion.metric]!
        state.excursion = null
      }
      return { device: node.uid, samples }
    })
  }

  private targetsOf(zoneId: number): Record<string, number> {
    const targets = this.tenant.zones.find(zone => zone.id === zoneId)?.targets ?? {}
    return Object.keys(targets).length > 0 ? targets : DEFAULT_TARGETS
  }
}
