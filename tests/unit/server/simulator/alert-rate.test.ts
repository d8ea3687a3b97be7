import { describe, expect, it } from 'vitest'
import { DEMO_THRESHOLDS } from '../../../../server/db/demo-equipment'
import type { RuleState } from '../../../../server/domain/alerts/threshold-rule'
import { stepRule } from '../../../../server/domain/alerts/threshold-rule'
import { seededRandom } from '../../../../server/simulator/random'
import type { SimulatedTenant } from '../../../../server/simulator/world'
import { excursionPlan, ZoneSimulation } from '../../../../server/simulator/zone-simulation'

const INTERVAL_MS = 2000
const HOUR_TICKS = 3_600_000 / INTERVAL_MS

/** Four zoned nodes with the demo thresholds, like the two demo tenants together. */
const demoSite: SimulatedTenant = {
  id: 1,
  zones: [1, 2, 3, 4].map(id => ({ id, targets: { ph: 6, ec: 1.8, temperature: 23, humidity: 65, water_level: 60 }, thresholds: DEMO_THRESHOLDS })),
  nodes: [1, 2, 3, 4].map(zoneId => ({ uid: `node-${zoneId}`, zoneId })),
  gateways: [],
  vehicles: [],
  geozones: [],
}

/** Alerts the honest threshold rule raises from `hours` of simulated samples (each resolved as soon as it may). */
function alertsIn(hours: number, seed: number): number {
  const plan = excursionPlan(INTERVAL_MS)
  const simulation = new ZoneSimulation(demoSite, seededRandom(seed), plan.chance, plan.ticks)
  const states = new Map<string, { state: RuleState, open: boolean }>()
  let raised = 0
  for (let tick = 0; tick < hours * HOUR_TICKS; tick++) {
    const at = new Date(Date.UTC(2026, 5, 1) + tick * INTERVAL_MS)
    for (const { device, samples } of simulation.tick()) {
      for (const { metric, value } of samples) {
        const key = `${device}:${metric}`
        const rule = states.get(key) ?? { state: { breachedSince: null, lastRaisedAt: null }, open: false }
        const step = stepRule(DEMO_THRESHOLDS[metric]!, value, at, rule.state, rule.open)
        if (step.decision.action === 'raise') raised++
        states.set(key, { state: step.state, open: step.decision.action === 'raise' ? true : step.decision.action === 'resolve' ? false : rule.open })
      }
    }
  }
  return raised
}

describe('the demo simulation with honest alert rules', () => {
  it('raises a handful of alerts per hour, not one a minute', () => {
    const hours = 3
    const perHour = [11, 12].map(seed => alertsIn(hours, seed) / hours)
    for (const rate of perHour) {
      expect(rate).toBeGreaterThanOrEqual(1)
      expect(rate).toBeLessThanOrEqual(12)
    }
  }, 120_000)
})
