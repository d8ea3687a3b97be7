// The vehicle opened in the map's panel: its detail (sensors, geozones it is in) and the track of the
// last hour, extended live from private-vehicle.{v}.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { PositionPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { FleetVehicle } from '~/utils/map/fleet-state'
import type { TrackPoint } from '~/utils/map/vehicle-track'
import { extendTrack, mergeTrack } from '~/utils/map/vehicle-track'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

/** GET /api/vehicles/{v}: the fleet's fields plus the geozones the vehicle is inside. */
export interface VehicleDetail extends FleetVehicle {
  geozones: Array<{ id: number, name: string, color: string, enteredAt: string }>
}

export const useVehicleFocusStore = defineStore('vehicle-focus', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const vehicleId = ref<number | null>(null)
  const detail = ref<VehicleDetail | null>(null)
  const track = shallowRef<TrackPoint[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  // Positions that arrive while the track loads extend it at once and are merged into the loaded track after.
  const snapshot = new LiveSnapshot<PositionPayload>({
    apply: (position) => { track.value = extendTrack(track.value, position) },
    replay: (positions) => { track.value = mergeTrack(track.value, positions) },
  })

  /** (Re)loads the detail and the last hour's track of the open vehicle (opening another one makes it stale). */
  async function load(id: number): Promise<void> {
    loading.value = true
    await snapshot.load(() => Promise.all([
      $fetch<{ data: VehicleDetail }>(`/api/vehicles/${id}`),
      $fetch<{ data: { points: TrackPoint[] } }>(`/api/vehicles/${id}/track`),
    ]), ([vehicle, answer]) => {
      detail.value = vehicle.data
      track.value = answer.data.points
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, t('vehicles.panel.loadError'))
    })
    if (vehicleId.value === id) loading.value = false
  }

  async function reloadDetail(id: number): Promise<void> {
    const vehicle = await $fetch<{ data: VehicleDetail }>(`/api/vehicles/${id}`).catch(() => null)
    if (vehicle && vehicleId.value === id) detail.value = vehicle.data
  }

  /** Opens a vehicle and follows its positions and geozone changes; returns the function that closes it. */
  function open(id: number, componentTag: string): () => void {
    snapshot.forget()
    vehicleId.value = id
    detail.value = null
    track.value = []
    error.value = null
    const stop = useWebSocket().follow([
      [channels.vehicle(id), EVENTS.position, data => snapshot.receive(data as PositionPayload)],
      // The geozones it is in changed.
      [channels.vehicle(id), EVENTS.geoEvent, () => { void reloadDetail(id) }],
    ], { componentTag, reload: () => { void load(id) } })
    return () => {
      stop()
      if (vehicleId.value !== id) return
      snapshot.forget()
      vehicleId.value = null
      detail.value = null
      track.value = []
    }
  }

  return { vehicleId, detail, track, loading, error, open }
})
