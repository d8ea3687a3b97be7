// A back-filled day of one vehicle for replay and report tests: yesterday from 10:00 UTC (noon in Amsterdam),
// 15 min north at 40 km/h with the ignition on, 10 min stopped with it off, 15 min more at 40 km/h: 80 fixes,
// one stop, fuel 55 % throughout.

/** Yesterday 10:00 UTC, when the back-filled day starts. */
export const start = new Date(`${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T10:00:00Z`)
/** The back-filled day's date (YYYY-MM-DD), the same in UTC and Amsterdam. */
export const day = start.toISOString().slice(0, 10)

/** The instant `minutes` after the start. */
export const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString()

/** Fixes every 30 s for `minutes` from minute `from`, going north at `speed` from `lat` with the ignition as given. */
function fixes(vehicleId: number, from: number, minutes: number, lat: number, speed: number, ignition: boolean) {
  return Array.from({ length: minutes * 2 }, (_, index) => ({
    vehicleId, lat: lat + index * speed / 120 / 111.195, lon: 5.1, speed, satellites: 9, at: at(from + index / 2), sensors: { ignition, fuel: 55 },
  }))
}

/** The day's positions for POST /api/ingest/positions. */
export function backfilledPositions(vehicleId: number) {
  return [...fixes(vehicleId, 0, 15, 52.1, 40, true), ...fixes(vehicleId, 15, 10, 52.1 + 30 * 40 / 120 / 111.195, 0, false), ...fixes(vehicleId, 25, 15, 52.2, 40, true)]
}
