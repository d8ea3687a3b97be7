// One zone's live state for its page: the snapshot from REST, kept live from the zone's channel, its commands
// channel and the tenant's alerts channel; commands are sent and alerts acted on from here.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { AlertPayload, CommandPayload, DevicePayload, TelemetryBatchPayload, ZonePayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { CommandBody } from '~/utils/zones/zone-commands'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { mergeCommand } from '~/utils/zones/zone-commands'
import type { ZoneNode } from '~/utils/zones/zone-state'
import { applyAlert, applyDevice, applySamples, newestValueAt } from '~/utils/zones/zone-state'

export interface ZoneDetail extends ZonePayload {
  targets: Record<string, number>
  thresholds: Record<string, { min?: number, max?: number }>
}

interface ZoneSnapshot {
  zone: ZoneDetail
  nodes: ZoneNode[]
  alerts: AlertPayload[]
  commands: CommandPayload[]
}

/** Commands the page lists: the snapshot's 20 and those sent or seen since, up to this many. */
const COMMANDS_SHOWN = 30

export const useZoneStore = defineStore('zone', () => {
  const zoneId = ref<number | null>(null)
  const zone = ref<ZoneDetail | null>(null)
  const nodes = ref<ZoneNode[]>([])
  const alerts = ref<AlertPayload[]>([])
  const commands = ref<CommandPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const notFound = ref(false)
  /** When the newest telemetry value of the zone was recorded (ms). */
  const lastTelemetryAt = ref<number | null>(null)
  /** The last command that failed or timed out while the page was open, for a notice. */
  const lastFailure = ref<CommandPayload | null>(null)
  // Live changes run now and, while a snapshot is loading, again over the snapshot (they are idempotent).
  const snapshot = new LiveSnapshot<() => void>({ apply: change => change() })
  const live = (change: () => void) => snapshot.receive(change)

  /** (Re)loads the snapshot of zone `id`: on first view, and after missed events could not be replayed. */
  function load(id: number): Promise<void> {
    if (zoneId.value !== id) {
      // Another zone: nothing of the previous one may show while this one loads, or be replayed over it.
      snapshot.forget()
      zoneId.value = id
      zone.value = null
      nodes.value = []
      alerts.value = []
      commands.value = []
      lastTelemetryAt.value = null
      lastFailure.value = null
      loadedAt.value = null
      error.value = null
      notFound.value = false
    }
    return snapshot.load(() => $fetch<{ data: ZoneSnapshot }>(`/api/zones/${id}/snapshot`), ({ data }) => {
      zone.value = data.zone
      nodes.value = data.nodes
      alerts.value = data.alerts
      commands.value = data.commands
      lastTelemetryAt.value = newestValueAt(data.nodes)
      loadedAt.value = Date.now()
      error.value = null
      notFound.value = false
    }, (failure) => {
      const { statusCode, statusMessage } = failure as { statusCode?: number, statusMessage?: string }
      // The server answers 403 for a zone of another tenant and for one that does not exist, alike.
      notFound.value = statusCode === 400 || statusCode === 403 || statusCode === 404
      error.value = statusMessage ?? 'The zone could not be loaded'
    })
  }

  /** Loads zone `id` and keeps it live; `tenantId` is the signed-in user's. Returns the function that stops following. */
  function follow(id: number, tenantId: number, componentTag: string): () => void {
    const zoneChannel = channels.zone(id)
    const onCommand = (data: unknown) => live(() => { commands.value = mergeCommand(commands.value, data as CommandPayload, COMMANDS_SHOWN) })
    const onAlert = (data: unknown) => live(() => { alerts.value = applyAlert(alerts.value, data as AlertPayload, id) })
    return useWebSocket().follow([
      [zoneChannel, EVENTS.zoneUpdated, data => live(() => {
        if (zone.value) zone.value = { ...zone.value, status: (data as ZonePayload).status }
      })],
      [zoneChannel, EVENTS.deviceUpdated, data => live(() => { nodes.value = applyDevice(nodes.value, data as DevicePayload, id) })],
      [zoneChannel, EVENTS.telemetryBatchUpdated, data => live(() => {
        nodes.value = applySamples(nodes.value, (data as TelemetryBatchPayload).samples)
        lastTelemetryAt.value = newestValueAt(nodes.value)
      })],
      [channels.zoneCommands(id), EVENTS.commandStatus, onCommand],
      [channels.zoneCommands(id), EVENTS.commandFailed, (data) => {
        onCommand(data)
        lastFailure.value = data as CommandPayload
      }],
      [channels.tenant(tenantId, 'alerts'), EVENTS.alertCreated, onAlert],
      [channels.tenant(tenantId, 'alerts'), EVENTS.alertUpdated, onAlert],
    ], { componentTag, reload: () => { void load(id) } })
  }

  /** Sends a command to the zone (or one node); resolves with it queued, rejects with the server's refusal. */
  async function send(body: CommandBody): Promise<CommandPayload> {
    const answer = await $fetch<{ data: CommandPayload }>(`/api/zones/${zoneId.value}/commands`, { method: 'POST', body, headers: { 'x-xsrf-token': xsrfToken() } })
    commands.value = mergeCommand(commands.value, answer.data, COMMANDS_SHOWN)
    return answer.data
  }

  /** Acknowledges or resolves one of the zone's alerts; the answer (and the broadcast) update the list. */
  async function act(alertId: number, action: 'acknowledge' | 'resolve'): Promise<void> {
    const answer = await $fetch<{ data: AlertPayload }>(`/api/alerts/${alertId}/${action}`, { method: 'POST', headers: { 'x-xsrf-token': xsrfToken() } })
    if (zoneId.value !== null) alerts.value = applyAlert(alerts.value, answer.data, zoneId.value)
  }

  return { zoneId, zone, nodes, alerts, commands, loadedAt, error, notFound, lastTelemetryAt, lastFailure, load, follow, send, act }
})
