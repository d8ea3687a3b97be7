// The simulator's equipment models: drifting sensors with breaches, silent gateways, vehicles on their loops.
import { describe, expect, it } from 'vitest'
import { GatewaySimulation } from '../../../../server/simulator/gateway-simulation'
import { seededRandom } from '../../../../server/simulator/random'
import { centreOf, VehicleSimulation } from '../../../../server/simulator/vehicle-simulation'
import type { SimulatedTenant } from '../../../../server/simulator/world'
import { ZoneSimulation } from '../../../../server/simulator/zone-simulation'

const tenant: SimulatedTenant = {
  id: 1,
  zones: [{ id: 10, targets: { ph: 6, temperature: 23 }, thresholds: { ph: { min: 5.5, max: 6.5 }, temperature: { min: 18, max: 28 } } }],
  nodes: [{ uid: 'node-a', zoneId: 10 }, { uid: 'node-b', zoneId: 10 }],
  gateways: [
    { id: 1, serial: 'GW-1', registers: [100, 101], connection: { protocol: 'push' }, points: [] },
    { id: 2, serial: 'GW-2', registers: [200], connection: { protocol: 'push' }, points: [] },
  ],
  vehicles: [{ id: 5, lat: null, lon: null, imei: null }, { id: 6, lat: null, lon: null, imei: null }],
  geozones: [
    { kind: 'circle', center: [4.9, 52.37], radiusMeters: 300 },
    { kind: 'polygon', ring: [[4.92, 52.38], [4.93, 52.38], [4.93, 52.39], [4.92, 52.39]] },
  ],
}

describe('zone simulation', () => {
  it('keeps readings near their targets when nothing breaches', () => {
    const simulation = new ZoneSimulation(tenant, seededRandom(1), 0)
    for (let tick = 0; tick < 200; tick += 1) {
      for (const { samples } of simulation.tick()) {
        const ph = samples.find(sample => sample.metric === 'ph')!.value
        expect(ph).toBeGreaterThan(5.5)
        expect(ph).toBeLessThan(6.5)
      }
    }
  })

  it('reports every metric of every node each tick', () => {
    const [first, second] = new ZoneSimulation(tenant, seededRandom(2)).tick()
    expect(first!.device).toBe('node-a')
    expect(second!.device).toBe('node-b')
    expect(first!.samples.map(sample => sample.metric).sort()).toEqual(['ph', 'temperature'])
  })

  it('breaches a threshold for a few ticks and then returns', () => {
    const simulation = new ZoneSimulation(tenant, seededRandom(3), 1)
    const first = simulation.tick()[0]!.samples
    const breached = first.some(sample => (sample.metric === 'ph' && sample.value > 6.5) || (sample.metric === 'temperature' && sample.value > 28))
    expect(breached).toBe(true)
  })
})

describe('gateway simulation', () => {
  it('reports every register of every gateway while none is silent', () => {
    const reports = new GatewaySimulation(tenant, seededRandom(4), 0).tick()
    expect(reports.map(report => [report.gateway, report.readings.map(reading => reading.register)])).toEqual([['GW-1', [100, 101]], ['GW-2', [200]]])
  })

  it('falls silent for the configured number of ticks', () => {
    const simulation = new GatewaySimulation(tenant, seededRandom(5), 1, 3)
    expect(simulation.tick()).toEqual([])
    expect(simulation.tick()).toEqual([])
    expect(simulation.tick()).toEqual([])
    expect(simulation.tick()).toEqual([])
  })
})

describe('vehicle simulation', () => {
  it('drives every vehicle through every geozone of its tenant', () => {
    const simulation = new VehicleSimulation(tenant, seededRandom(6), 2)
    const closest = tenant.geozones.map(() => [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY])
    for (let tick = 0; tick < 2000; tick += 1) {
      for (const [index, fix] of simulation.tick().entries()) {
        for (const [zone, shape] of tenant.geozones.entries()) {
          const [lat, lon] = centreOf(shape)
          const metres = Math.hypot((fix.lat - lat) * 111_320, (fix.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180))
          closest[zone]![index] = Math.min(closest[zone]![index]!, metres)
        }
      }
    }
    for (const distances of closest) for (const metres of distances) expect(metres).toBeLessThan(50)
  })

  it('drives the distance of every interval a skipped round covers, so speeds stay true', () => {
    const one = new VehicleSimulation(tenant, seededRandom(8), 1)
    const three = new VehicleSimulation(tenant, seededRandom(8), 1)
    const start = one.tick(0)
    three.tick(0)
    const [fixOne] = one.tick(1)
    const [fixThree] = three.tick(3)
    const metres = (fix: { lat: number, lon: number }) => Math.hypot((fix.lat - start[0]!.lat) * 111_320, (fix.lon - start[0]!.lon) * 111_320 * Math.cos((fix.lat * Math.PI) / 180))
    // Same seed, same speed: three intervals' drive is three times one's (less the 1e-6° rounding of fixes).
    expect(metres(fixOne!)).toBeGreaterThan(5)
    expect(metres(fixThree!)).toBeCloseTo(metres(fixOne!) * 3, 0)
  })

  it('reports plausible fixes: speed, course and satellites in range, ignition off while parked', () => {
    const simulation = new VehicleSimulation(tenant, seededRandom(7), 2)
    for (let tick = 0; tick < 300; tick += 1) {
      for (const fix of simulation.tick()) {
        expect(fix.speed).toBeGreaterThanOrEqual(0)
        expect(fix.speed).toBeLessThanOrEqual(95)
        expect(fix.course).toBeGreaterThanOrEqual(0)
        expect(fix.course).toBeLessThanOrEqual(360)
        expect(fix.satellites).toBeGreaterThanOrEqual(7)
        if (fix.speed === 0) expect(fix.sensors.ignition).toBe(false)
      }
    }
  })
})

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const c = seededRandom(43)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect([c(), c(), c()]).not.toEqual(first)
    expect(first.every(value => value >= 0 && value < 1)).toBe(true)
  })
})
