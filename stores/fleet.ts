// The tenant's vehicles with their newest positions and the recent geo events, kept live from
// private-tenant.{t}.fleet; live positions are applied at most once per animation frame.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { GeoEventPayload, PositionBatchPayload, PositionPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { FleetVehicle } from '~/utils/map/fleet-state'
import { mergeGeoEvents, mergePositions, supersedes } from '~/utils/map/fleet-state'
import { FrameCoalescer } from '~/utils/map/frame-coalescer'

export const useFleetStore = defineStore('fleet', () => {
  const vehicles = shallowRef<FleetVehicle[]>([])
  const geoEvents = ref<GeoEventPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  // Positions that arrive while a snapshot loads, one list per load in flight.
  const arrivedDuringLoads = new Set<PositionPayload[]>()

  /** (Re)loads the fleet and the recent geo events: on first use, and after missed events could not be replayed. */
  async function load(tenantId: number): Promise<void> {
    const arrived: PositionPayload[] = []
    arrivedDuringLoads.add(arrived)
    try {
      const [fleet, events] = await Promise.all([
        $fetch<{ data: FleetVehicle[] }>(`/api/tenants/${tenantId}/fleet`),
        $fetch<{ data: GeoEventPayload[] }>(`/api/tenants/${tenantId}/geo-events`, { query: { limit: 50 } }),
      ])
      vehicles.value = fleet.data.map(({ id, name, plate, status, speedLimit, sensors, lastPositionAt, position }) => ({ id, name, plate, status, speedLimit, sensors, lastPositionAt, position }))
      geoEvents.value = mergeGeoEvents(events.data, geoEvents.value)
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = (failure as { statusMessage?: string }).statusMessage ?? 'The fleet could not be loaded'
    }
    finally {
      // Positions newer than the snapshot's win; older ones are ignored by the merge.
      arrivedDuringLoads.delete(arrived)
      if (arrived.length > 0) vehicles.value = mergePositions(vehicles.value, arrived)
    }
  }

  function applyFrame(positions: PositionPayload[]): void {
    for (const arrived of arrivedDuringLoads) arrived.push(...positions)
    vehicles.value = mergePositions(vehicles.value, positions)
  }

  function addGeoEvent(event: GeoEventPayload): boolean {
    if (geoEvents.value.some(known => known.id === event.id)) return false
    geoEvents.value = mergeGeoEvents([event], geoEvents.value)
    return true
  }

  /** Loads the fleet and keeps it live; `onGeoEvent` hears each new geo event once. Returns the function that stops following. */
  function follow(tenantId: number, componentTag: string, onGeoEvent: (event: GeoEventPayload) => void = () => {}): () => void {
    const { subscribe } = useWebSocket()
    const channel = channels.tenant(tenantId, 'fleet')
    const options = { componentTag, onGap: () => { void load(tenantId) } }
    const frameQueue = new FrameCoalescer<PositionPayload>({ key: position => position.vehicleId, replaces: supersedes, apply: applyFrame })
    const stops = [
      subscribe(channel, EVENTS.positionBatch, data => frameQueue.push((data as PositionBatchPayload).positions), options),
      subscribe(channel, EVENTS.geoEvent, (data) => {
        const event = data as GeoEventPayload
        if (addGeoEvent(event)) onGeoEvent(event)
      }, options),
    ]
    void load(tenantId)
    return () => {
      stops.forEach(stop => stop())
      frameQueue.dispose()
    }
  }

  return { vehicles, geoEvents, loadedAt, error, load, follow }
})

