// Vehicles that drive a loop through their tenant's geozones, stop now and then, and report GPS fixes.
import type { GeozoneShape } from '../../shared/geozones'
import type { Random } from './random'
import { between } from './random'
import type { SimulatedTenant } from './world'

type Point = [lat: number, lon: number]

interface VehicleState {
  id: number
  route: Point[]
  /** Index of the waypoint being driven to, and the current position. */
  next: number
  position: Point
  speedKmh: number
  /** Ticks left standing at a waypoint (ignition off while parked). */
  parkedTicks: number
  fuel: number
}

const METRES_PER_DEGREE = 111_320

/** The middle of a geozone, as [lat, lon]. */
export function centreOf(shape: GeozoneShape): Point {
  if (shape.kind === 'circle') return [shape.center[1], shape.center[0]]
  const lon = shape.ring.reduce((sum, point) => sum + point[0], 0) / shape.ring.length
  const lat = shape.ring.reduce((sum, point) => sum + point[1], 0) / shape.ring.length
  return [lat, lon]
}

export class VehicleSimulation {
  private readonly vehicles: VehicleState[]

  constructor(tenant: SimulatedTenant, private readonly random: Random, private readonly tickSeconds: number) {
    const centres = tenant.geozones.map(centreOf)
    const base: Point = centres[0] ?? [52.37, 4.89]
    this.vehicles = tenant.vehicles.map((vehicle, index) => {
      // Each vehicle drives its own loop: out from a point near the base, through every geozone, and back.
      const start: Point = [base[0] + 0.01 * Math.cos(index * 2.1), base[1] + 0.015 * Math.sin(index * 2.1)]
      const route = [start, ...(index % 2 === 0 ? centres : [...centres].reverse()), [start[0] - 0.006, start[1] + 0.01] as Point]
      return { id: vehicle.id, route, next: 1 % route.length, position: start, speedKmh: between(random, 30, 60), parkedTicks: 0, fuel: between(random, 40, 95) }
    })
  }

  /** The next GPS fix of every vehicle, after driving `intervals` ticks' worth (more than one when the simulator skipped slots). */
  tick(intervals = 1): Array<{ vehicleId: number, lat: number, lon: number, speed: number, course: number, satellites: number, sensors: { fuel: number, ignition: boolean, temperature: number, doors: boolean } }> {
    return this.vehicles.map((vehicle) => {
      let speed = 0
      let course = 0
      const parked = vehicle.parkedTicks > 0
      if (parked) {
        vehicle.parkedTicks -= 1
      }
      else {
        vehicle.speedKmh = Math.min(95, Math.max(20, vehicle.speedKmh + between(this.random, -6, 6)))
        speed = vehicle.speedKmh
        course = this.drive(vehicle, (speed / 3.6) * this.tickSeconds * intervals)
        vehicle.fuel = Math.max(5, vehicle.fuel - 0.01)
      }
      return {
        vehicleId: vehicle.id,
        lat: round(vehicle.position[0]), lon: round(vehicle.position[1]),
        speed: Math.round(speed * 10) / 10, course: Math.round(course), satellites: 7 + Math.floor(this.random() * 6),
        sensors: { fuel: Math.round(vehicle.fuel * 10) / 10, ignition: !parked, temperature: Math.round(between(this.random, 3, 6) * 10) / 10, doors: parked },
      }
    })
  }

  /** Moves `metres` along the route; returns the course in degrees. */
  private drive(vehicle: VehicleState, metres: number): number {
    const target = vehicle.route[vehicle.next]!
    const dLat = (target[0] - vehicle.position[0]) * METRES_PER_DEGREE
    const dLon = (target[1] - vehicle.position[1]) * METRES_PER_DEGREE * Math.cos((vehicle.position[0] * Math.PI) / 180)
    const distance = Math.hypot(dLat, dLon)
    const course = ((Math.atan2(dLon, dLat) * 180) / Math.PI + 360) % 360
    if (distance <= metres) {
      vehicle.position = target
      vehicle.next = (vehicle.next + 1) % vehicle.route.length
      if (this.random() < 0.3) vehicle.parkedTicks = 2 + Math.floor(this.random() * 4)
      return course
    }
    const share = metres / distance
    vehicle.position = [vehicle.position[0] + (target[0] - vehicle.position[0]) * share, vehicle.position[1] + (target[1] - vehicle.position[1]) * share]
    return course
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
