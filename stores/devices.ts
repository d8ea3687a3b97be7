// The tenant's devices that sit in no zone, kept live from private-tenant.{t}.devices (reports) and from
// `settings.changed` on private-tenant.{t}.events (added, assigned to a zone, deleted).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { DevicePayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { DeviceSettings, SettingsChangedPayload } from '#shared/settings'
import { applyDeviceUpdate } from '~~/composables/devices/unassigned-devices'

export const useDevicesStore = defineStore('devices', () => {
  const devices = ref<DevicePayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  let arrivedDuringLoad: DevicePayload[] | null = null

  /** (Re)loads the unassigned devices: on first use, and after missed events could not be replayed. */
  async function load(tenantId: number): Promise<void> {
    arrivedDuringLoad = []
    try {
      const page = await $fetch<{ data: DevicePayload[] }>(`/api/tenants/${tenantId}/devices`, { query: { unassigned: 'true', limit: 500 } })
      devices.value = page.data.map(({ id, tenantId, zoneId, uid, name, kind, lastSeenAt }) => ({ id, tenantId, zoneId, uid, name, kind, lastSeenAt }))
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Devices could not be loaded'
    }
    finally {
      const arrived = arrivedDuringLoad ?? []
      arrivedDuringLoad = null
      arrived.forEach(apply)
    }
  }

  /** Applies a device update (kept for after the load when one is in flight). */
  function apply(update: DevicePayload): void {
    arrivedDuringLoad?.push(update)
    devices.value = applyDeviceUpdate(devices.value, update)
  }

  /** A node someone configured: a deleted one leaves the list, others are applied like an update. */
  function applySettings(change: SettingsChangedPayload): void {
    if (change.subject !== 'device' || !change.data) return
    const { id, tenantId, zoneId, uid, name, kind, lastSeenAt } = change.data as DeviceSettings
    if (change.action === 'archived') devices.value = devices.value.filter(device => device.id !== id)
    else apply({ id, tenantId, zoneId, uid, name, kind, lastSeenAt })
  }

  /** Loads the devices and keeps them live; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const { subscribe } = useWebSocket()
    const options = { componentTag, onGap: () => { void load(tenantId) } }
    const stops = [
      subscribe(channels.tenant(tenantId, 'devices'), EVENTS.deviceUpdated, data => apply(data as DevicePayload), options),
      subscribe(channels.tenant(tenantId, 'events'), EVENTS.settingsChanged, data => applySettings(data as SettingsChangedPayload), options),
    ]
    void load(tenantId)
    return () => stops.forEach(stop => stop())
  }

  return { devices, loadedAt, error, load, follow }
})
