// The tenant's devices that sit in no zone, kept live from private-tenant.{t}.devices (reports) and from
// `settings.changed` on private-tenant.{t}.events (added, assigned to a zone, deleted).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { DevicePayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { DeviceSettings, SettingsChangedPayload } from '#shared/settings'
import { applyDeviceUpdate } from '~/utils/devices/unassigned-devices'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

export const useDevicesStore = defineStore('devices', () => {
  const devices = ref<DevicePayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const snapshot = new LiveSnapshot<DevicePayload>({ apply: (update) => { devices.value = applyDeviceUpdate(devices.value, update) } })

  /** (Re)loads the unassigned devices: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: DevicePayload[] }>(`/api/tenants/${tenantId}/devices`, { query: { unassigned: 'true', limit: 500 } }), (page) => {
      devices.value = page.data.map(({ id, tenantId, zoneId, uid, name, kind, lastSeenAt }) => ({ id, tenantId, zoneId, uid, name, kind, lastSeenAt }))
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Devices could not be loaded')
    })
  }

  /** A node someone configured: a deleted one leaves the list, others are applied like an update. */
  function applySettings(change: SettingsChangedPayload): void {
    if (change.subject !== 'device' || !change.data) return
    const { id, tenantId, zoneId, uid, name, kind, lastSeenAt } = change.data as DeviceSettings
    if (change.action === 'archived') devices.value = devices.value.filter(device => device.id !== id)
    else snapshot.receive({ id, tenantId, zoneId, uid, name, kind, lastSeenAt })
  }

  /** Loads the devices and keeps them live; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    return useWebSocket().follow([
      [channels.tenant(tenantId, 'devices'), EVENTS.deviceUpdated, data => snapshot.receive(data as DevicePayload)],
      [channels.tenant(tenantId, 'events'), EVENTS.settingsChanged, data => applySettings(data as SettingsChangedPayload)],
    ], {
      componentTag,
      reload: () => { void load(tenantId) },
    })
  }

  return { devices, loadedAt, error, load, follow }
})
