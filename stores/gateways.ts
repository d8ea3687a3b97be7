// The tenant's gateways with their online state, kept live from private-tenant.{t}.gateways.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { GatewayStatusPayload } from '#shared/events'
import { EVENTS } from '#shared/events'

export interface GatewayRow {
  id: number
  name: string
  serial: string
  online: boolean
  lastContactAt: string | null
  offlineAfterSeconds: number
}

export const useGatewaysStore = defineStore('gateways', () => {
  const gateways = ref<GatewayRow[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)

  /** (Re)loads the list: on first use, and after missed events could not be replayed. */
  async function load(tenantId: number): Promise<void> {
    try {
      const page = await $fetch<{ data: Array<GatewayRow & { lastContactAt: string | null }> }>(`/api/tenants/${tenantId}/gateways`, { query: { limit: 500 } })
      gateways.value = page.data.map(({ id, name, serial, online, lastContactAt, offlineAfterSeconds }) => ({ id, name, serial, online, lastContactAt, offlineAfterSeconds }))
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Gateways could not be loaded'
    }
  }

  /** Applies a status change. */
  function applyStatus(status: GatewayStatusPayload): void {
    gateways.value = gateways.value.map(gateway => (gateway.id === status.id ? { ...gateway, online: status.online, lastContactAt: status.lastContactAt } : gateway))
  }

  /** Loads the list and keeps it live; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const stop = useWebSocket().subscribe(channels.tenant(tenantId, 'gateways'), EVENTS.gatewayStatusChanged, data => applyStatus(data as GatewayStatusPayload), {
      componentTag,
      onGap: () => { void load(tenantId) },
    })
    void load(tenantId)
    return stop
  }

  return { gateways, loadedAt, error, load, follow }
})
