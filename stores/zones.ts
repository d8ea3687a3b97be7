// The tenant's zones with status and counts; each zone's status is kept live from private-zone.{z}.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { ZonePayload } from '#shared/events'
import { EVENTS } from '#shared/events'

export interface ZoneRow {
  id: number
  name: string
  status: string
  nodes: number
  openAlerts: number
  pendingCommands: number
}

export const useZonesStore = defineStore('zones', () => {
  const zones = ref<ZoneRow[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)

  /** (Re)loads the list: on first use, and after missed events could not be replayed. */
  async function load(tenantId: number): Promise<void> {
    try {
      zones.value = (await $fetch<{ data: ZoneRow[] }>(`/api/tenants/${tenantId}/zones`)).data
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Zones could not be loaded'
    }
  }

  /** Loads the zones, then follows each one's status; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const stops: Array<() => void> = []
    let stopped = false
    void load(tenantId).then(() => {
      if (stopped) return
      for (const zone of zones.value) {
        stops.push(useWebSocket().subscribe(channels.zone(zone.id), EVENTS.zoneUpdated, (data) => {
          const update = data as ZonePayload
          zones.value = zones.value.map(row => (row.id === update.id ? { ...row, status: update.status } : row))
        }, { componentTag, onGap: () => { void load(tenantId) } }))
      }
    })
    return () => {
      stopped = true
      stops.forEach(stop => stop())
    }
  }

  return { zones, loadedAt, error, load, follow }
})
