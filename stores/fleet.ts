// The tenant's vehicles with their newest positions and the recent geo events, kept live from
// private-tenant.{t}.fleet; live positions are applied at most once a second, in an animation frame (vehicles
// report at 1 Hz: a large fleet's several batches a second then cost one re-render and one map redraw).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { GeoEventPayload, PositionBatchPayload, PositionPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { FleetVehicle } from '~/utils/map/fleet-state'
import { mergeGeoEvents, mergePositions, supersedes } from '~/utils/map/fleet-state'
import { FrameCoalescer } from '~/utils/map/frame-coalescer'
import { pacedFrames } from '~/utils/map/paced-frames'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

/** Least time between two handovers of live positions to the page, ms. */
const POSITIONS_EVERY_MS = 1000

export const useFleetStore = defineStore('fleet', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const vehicles = shallowRef<FleetVehicle[]>([])
  const geoEvents = ref<GeoEventPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  // Live positions come in frames; those of a load's time are merged over its answer (newer than the snapshot's win).
  const snapshot = new LiveSnapshot<PositionPayload[]>({
    apply: (positions) => { vehicles.value = mergePositions(vehicles.value, positions) },
    replay: (frames) => { vehicles.value = mergePositions(vehicles.value, frames.flat()) },
  })

  /** (Re)loads the fleet and the recent geo events: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => Promise.all([
      $fetch<{ data: FleetVehicle[] }>(`/api/tenants/${tenantId}/fleet`),
      $fetch<{ data: GeoEventPayload[] }>(`/api/tenants/${tenantId}/geo-events`, { query: { limit: 50 } }),
    ]), ([fleet, events]) => {
      vehicles.value = fleet.data.map(({ id, name, plate, status, speedLimit, sensors, lastPositionAt, position, hasTracker }) => ({ id, name, plate, status, speedLimit, sensors, lastPositionAt, position, hasTracker }))
      geoEvents.value = mergeGeoEvents(events.data, geoEvents.value)
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, t('map.fleetError'))
    })
  }

  function addGeoEvent(event: GeoEventPayload): boolean {
    if (geoEvents.value.some(known => known.id === event.id)) return false
    geoEvents.value = mergeGeoEvents([event], geoEvents.value)
    return true
  }

  /** Loads the fleet and keeps it live; `onGeoEvent` hears each new geo event once. Returns the function that stops following. */
  function follow(tenantId: number, componentTag: string, onGeoEvent: (event: GeoEventPayload) => void = () => {}): () => void {
    const channel = channels.tenant(tenantId, 'fleet')
    const frameQueue = new FrameCoalescer<PositionPayload>({
      key: position => position.vehicleId, replaces: supersedes, apply: positions => snapshot.receive(positions),
      schedule: pacedFrames({ intervalMs: POSITIONS_EVERY_MS }),
    })
    const stop = useWebSocket().follow([
      [channel, EVENTS.positionBatch, data => frameQueue.push((data as PositionBatchPayload).positions)],
      [channel, EVENTS.geoEvent, (data) => {
        const event = data as GeoEventPayload
        if (addGeoEvent(event)) onGeoEvent(event)
      }],
    ], { componentTag, reload: () => { void load(tenantId) } })
    return () => {
      stop()
      frameQueue.dispose()
    }
  }

  return { vehicles, geoEvents, loadedAt, error, load, follow }
})

