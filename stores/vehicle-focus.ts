// The vehicle opened in the map's panel: its detail (sensors, geozones it is in) and the track of the
// last hour, extended live from private-vehicle.{v}.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { PositionPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { FleetVehicle } from '~/utils/map/fleet-state'
import type { TrackPoint } from '~/utils/map/vehicle-track'
import { extendTrack, mergeTrack } from '~/utils/map/vehicle-track'

/** GET /api/vehicles/{v}: the fleet's fields plus the geozones the vehicle is inside. */
export interface VehicleDetail extends FleetVehicle {
  geozones: Array<{ id: number, name: string, color: string, enteredAt: string }>
}

export const useVehicleFocusStore = defineStore('vehicle-focus', () => {
  const vehicleId = ref<number | null>(null)
  const detail = ref<VehicleDetail | null>(null)
  const track = shallowRef<TrackPoint[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  // Positions that arrive while the track loads, one list per load in flight.
  const arrivedDuringLoads = new Set<PositionPayload[]>()

  /** (Re)loads the detail and the last hour's track of the open vehicle. */
  async function load(id: number): Promise<void> {
    loading.value = true
    const arrived: PositionPayload[] = []
    arrivedDuringLoads.add(arrived)
    try {
      const [vehicle, answer] = await Promise.all([
        $fetch<{ data: VehicleDetail }>(`/api/vehicles/${id}`),
        $fetch<{ data: { points: TrackPoint[] } }>(`/api/vehicles/${id}/track`),
      ])
      if (vehicleId.value !== id) return
      detail.value = vehicle.data
      track.value = mergeTrack(answer.data.points, arrived)
      error.value = null
    }
    catch (failure) {
      if (vehicleId.value === id) error.value = (failure as { statusMessage?: string }).statusMessage ?? 'The vehicle could not be loaded'
    }
    finally {
      arrivedDuringLoads.delete(arrived)
      if (vehicleId.value === id) loading.value = false
    }
  }

  async function reloadDetail(id: number): Promise<void> {
    const vehicle = await $fetch<{ data: VehicleDetail }>(`/api/vehicles/${id}`).catch(() => null)
    if (vehicle && vehicleId.value === id) detail.value = vehicle.data
  }

  /** Opens a vehicle and follows its positions and geozone changes; returns the function that closes it. */
  function open(id: number, componentTag: string): () => void {
    vehicleId.value = id
    detail.value = null
    track.value = []
    error.value = null
    const { subscribe } = useWebSocket()
    const options = { componentTag, onGap: () => { void load(id) } }
    const stops = [
      subscribe(channels.vehicle(id), EVENTS.position, (data) => {
        const position = data as PositionPayload
        for (const arrived of arrivedDuringLoads) arrived.push(position)
        track.value = extendTrack(track.value, position)
      }, options),
      // The geozones it is in changed.
      subscribe(channels.vehicle(id), EVENTS.geoEvent, () => { void reloadDetail(id) }, options),
    ]
    void load(id)
    return () => {
      stops.forEach(stop => stop())
      if (vehicleId.value !== id) return
      vehicleId.value = null
      detail.value = null
      track.value = []
    }
  }

  return { vehicleId, detail, track, loading, error, open }
})
