// The tenant's zones with status and counts: each zone's status is kept live from private-zone.{z}, and the
// list and counts by reloading it (at most once a second) when the tenant's alerts or commands change or
// someone configures a zone.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { ZonePayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { SettingsChangedPayload } from '#shared/settings'
import { throttle } from '../composables/zones/throttle'

export interface ZoneRow {
  id: number
  name: string
  status: string
  nodes: number
  openAlerts: number
  pendingCommands: number
}

/** Shortest time between two reloads of the list caused by live events. */
const RELOAD_INTERVAL_MS = 1000

export const useZonesStore = defineStore('zones', () => {
  const zones = ref<ZoneRow[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  let arrivedDuringLoad: ZonePayload[] | null = null
  let loads = 0

  /**
   * (Re)loads the list: on first use, when counts changed, and after missed events could not be replayed.
   * Only the newest of overlapping loads is applied; status updates that came meanwhile are applied over it.
   */
  async function load(tenantId: number): Promise<void> {
    const load = ++loads
    arrivedDuringLoad ??= []
    try {
      const answer = (await $fetch<{ data: ZoneRow[] }>(`/api/tenants/${tenantId}/zones`)).data
      if (load !== loads) return
      zones.value = answer
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      if (load === loads) error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Zones could not be loaded'
    }
    finally {
      if (load === loads) {
        const arrived = arrivedDuringLoad ?? []
        arrivedDuringLoad = null
        for (const update of arrived) applyStatus(update)
      }
    }
  }

  /** Sets a zone's status from `zone.updated`. */
  function applyStatus(update: ZonePayload): void {
    arrivedDuringLoad?.push(update)
    zones.value = zones.value.map(row => (row.id === update.id ? { ...row, status: update.status } : row))
  }

  /** Loads the zones, then follows each one's status and the tenant's counts; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const { subscribe } = useWebSocket()
    const followed = new Map<number, () => void>()
    let stopped = false
    const refresh = async () => {
      await load(tenantId)
      if (stopped) return
      for (const zone of zones.value) {
        if (followed.has(zone.id)) continue
        followed.set(zone.id, subscribe(channels.zone(zone.id), EVENTS.zoneUpdated, data => applyStatus(data as ZonePayload), { componentTag, onGap: () => { void refresh() } }))
      }
    }
    const reload = throttle(() => { void refresh() }, RELOAD_INTERVAL_MS)
    const options = { componentTag, onGap: () => reload.call() }
    const alertsChannel = channels.tenant(tenantId, 'alerts')
    const stops = [
      subscribe(alertsChannel, EVENTS.alertCreated, () => reload.call(), options),
      subscribe(alertsChannel, EVENTS.alertUpdated, () => reload.call(), options),
      // command.failed always comes with a command.status of the same command: one is enough.
      subscribe(channels.tenant(tenantId, 'commands'), EVENTS.commandStatus, () => reload.call(), options),
      subscribe(channels.tenant(tenantId, 'events'), EVENTS.settingsChanged, (data) => {
        if ((data as SettingsChangedPayload).subject === 'zone') reload.call()
      }, options),
    ]
    void refresh()
    return () => {
      stopped = true
      reload.cancel()
      stops.forEach(stop => stop())
      followed.forEach(stop => stop())
    }
  }

  return { zones, loadedAt, error, load, follow }
})
