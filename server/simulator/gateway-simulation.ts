// Gateways that report their registers, and now and then fall silent long enough to go offline.
import type { Random } from './random'
import type { SimulatedTenant } from './world'

/** A gateway's chance per tick of falling silent, when outages are wanted. */
export const SILENCE_CHANCE = 0.005

export class GatewaySimulation {
  private readonly raw: Array<Record<number, number>>
  private readonly silentTicks: number[]

  constructor(private readonly tenant: SimulatedTenant, private readonly random: Random, private readonly silenceChance = SILENCE_CHANCE, private readonly silenceTicks = 45) {
    this.raw = tenant.gateways.map(gateway => Object.fromEntries(gateway.registers.map(register => [register, 1000 + Math.floor(random() * 1000)])))
    this.silentTicks = tenant.gateways.map(() => 0)
  }

  /** Readings of the gateways that are not silent this tick. */
  tick(): Array<{ gateway: string, readings: Array<{ register: number, raw: number, quality: 'good' | 'uncertain' }> }> {
    const reports = []
    for (const [index, gateway] of this.tenant.gateways.entries()) {
      if (this.silentTicks[index]! > 0) {
        this.silentTicks[index]! -= 1
        continue
      }
      if (this.random() < this.silenceChance) {
        this.silentTicks[index] = this.silenceTicks
        continue
      }
      const raw = this.raw[index]!
      const readings = gateway.registers.map((register) => {
        raw[register] = Math.max(0, Math.round(raw[register]! + (this.random() - 0.5) * 40))
        return { register, raw: raw[register]!, quality: this.random() < 0.02 ? 'uncertain' as const : 'good' as const }
      })
      if (readings.length > 0) reports.push({ gateway: gateway.serial, readings })
    }
    return reports
  }
}
