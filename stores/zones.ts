// The tenant's zones with status and counts: each zone's status is kept live from private-zone.{z}, and the
// list and counts by reloading it (at most once a second) when the tenant's alerts or commands change or
// someone configures a zone or its nodes.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { TelemetryBatchPayload, ZonePayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { SettingsChangedPayload } from '#shared/settings'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { throttle } from '~/utils/zones/throttle'
import { failureMessage } from '~/utils/failure-message'

export interface ZoneRow {
  id: number
  name: string
  status: string
  /** The newest report of any of its nodes: the page shows 'unknown' once that is too old. */
  lastReportAt: string | null
  nodes: number
  openAlerts: number
  pendingCommands: number
}

type ZoneChange = { kind: 'status', payload: ZonePayload } | { kind: 'report', zoneId: number, at: string }

/** Shortest time between two reloads of the list caused by live events. */
const RELOAD_INTERVAL_MS = 1000

export const useZonesStore = defineStore('zones', () => {
  const zones = ref<ZoneRow[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const snapshot = new LiveSnapshot<ZoneChange>({ apply: applyChange })

  /**
   * (Re)loads the list: on first use, when counts changed, and after missed events could not be replayed.
   * Only the newest of overlapping loads is applied; status updates that came meanwhile are applied over it.
   */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: ZoneRow[] }>(`/api/tenants/${tenantId}/zones`), (answer) => {
      zones.value = answer.data
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Zones could not be loaded')
    })
  }

  /** Sets a zone's status from `zone.updated`, or moves its newest report forward from a telemetry batch. */
  function applyChange(change: ZoneChange): void {
    if (change.kind === 'status') {
      zones.value = zones.value.map(row => (row.id === change.payload.id ? { ...row, status: change.payload.status } : row))
      return
    }
    zones.value = zones.value.map(row => (row.id === change.zoneId && (row.lastReportAt === null || row.lastReportAt < change.at) ? { ...row, lastReportAt: change.at } : row))
  }

  /** Loads the zones, then follows each one's status and the tenant's counts; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const { subscribe, follow: followAll } = useWebSocket()
    const followed = new Map<number, () => void>()
    let stopped = false
    const refresh = async () => {
      await load(tenantId)
      if (stopped) return
      for (const zone of zones.value) {
        if (followed.has(zone.id)) continue
        const onGap = () => { void refresh() }
        const stopStatus = subscribe(channels.zone(zone.id), EVENTS.zoneUpdated, data => snapshot.receive({ kind: 'status', payload: data as ZonePayload }), { componentTag, onGap })
        // The batches come on the same channel anyway: they say the zone's nodes are reporting.
        const stopReports = subscribe(channels.zone(zone.id), EVENTS.telemetryBatchUpdated, (data) => {
          const newest = (data as TelemetryBatchPayload).samples.map(sample => new Date(sample.recordedAt).toISOString()).sort().at(-1)
          if (newest) snapshot.receive({ kind: 'report', zoneId: zone.id, at: newest })
        }, { componentTag })
        followed.set(zone.id, () => {
          stopStatus()
          stopReports()
        })
      }
    }
    const reload = throttle(() => { void refresh() }, RELOAD_INTERVAL_MS)
    const alertsChannel = channels.tenant(tenantId, 'alerts')
    const stop = followAll([
      [alertsChannel, EVENTS.alertCreated, () => reload.call()],
      [alertsChannel, EVENTS.alertUpdated, () => reload.call()],
      // command.failed always comes with a command.status of the same command: one is enough.
      [channels.tenant(tenantId, 'commands'), EVENTS.commandStatus, () => reload.call()],
      [channels.tenant(tenantId, 'events'), EVENTS.settingsChanged, (data) => {
        // Nodes added, moved or removed change a zone's node count, and whether anyone reports for it.
        if (['zone', 'device'].includes((data as SettingsChangedPayload).subject)) reload.call()
      }],
    ], { componentTag, reload: () => reload.call(), loadNow: false })
    void refresh()
    return () => {
      stopped = true
      reload.cancel()
      stop()
      followed.forEach(stopOne => stopOne())
    }
  }

  return { zones, loadedAt, error, load, follow }
})
