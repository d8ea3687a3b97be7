// A simulated vehicle's report as the Codec 8 record its tracker would send (IO ids of the FMB parameter list).
import type { AvlRecord, IoElement } from '../devices/teltonika/avl-record'
import { IO } from '../devices/teltonika/io-elements'

interface SimulatedFix {
  lat: number
  lon: number
  speed: number
  course: number
  satellites: number
  sensors: { fuel: number, ignition: boolean }
}

function io(id: number, value: number, width: 1 | 2 | 4): IoElement {
  const bytes = Buffer.alloc(width)
  bytes.writeUIntBE(value, 0, width)
  return { id, kind: 'fixed', bytes }
}

/** The record of `fix` stamped `at`: ignition, movement, GNSS fix, fuel level, external and battery voltage. */
export function trackerRecord(fix: SimulatedFix, at: Date): AvlRecord {
  return {
    timestamp: at.getTime(), priority: 0, longitudeE7: Math.round(fix.lon * 1e7), latitudeE7: Math.round(fix.lat * 1e7),
    altitude: 5, angle: Math.round(fix.course) % 360, satellites: fix.satellites, speed: Math.round(fix.speed), eventIoId: 0,
    io: [
      io(IO.ignition, fix.sensors.ignition ? 1 : 0, 1),
      io(IO.movement, fix.speed > 0 ? 1 : 0, 1),
      io(IO.gnssStatus, 1, 1),
      io(IO.fuelLevel, Math.round(fix.sensors.fuel), 1),
      io(IO.externalVoltage, fix.sensors.ignition ? 13_800 : 12_400, 2),
      io(IO.batteryVoltage, 4_100, 2),
    ],
  }
}
