// The tenant's gateways with their online state and last contact, kept live from private-tenant.{t}.gateways
// (status changes) and each gateway's private-gateway.{g} (its values read are contact too).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { GatewayStatusPayload, ReadingPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import { showsContact } from '~/utils/gateways/data-points'
import { laterContact } from '~/utils/gateways/gateway-status'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

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
  const snapshot = new LiveSnapshot<GatewayStatusPayload>({ apply: applyStatus })

  /** (Re)loads the list: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: GatewayRow[] }>(`/api/tenants/${tenantId}/gateways`, { query: { limit: 500 } }), (page) => {
      gateways.value = page.data.map(({ id, name, serial, online, lastContactAt, offlineAfterSeconds }) => ({ id, name, serial, online, lastContactAt, offlineAfterSeconds }))
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Gateways could not be loaded')
    })
  }

  /** Applies a status change. */
  function applyStatus(status: GatewayStatusPayload): void {
    gateways.value = gateways.value.map(gateway => (gateway.id === status.id
      ? { ...gateway, online: status.online, lastContactAt: laterContact(gateway.lastContactAt, status.lastContactAt) }
      : gateway))
  }

  /** A gateway's readings arrived just now: contact, if they show the device answering. */
  function touch(readings: ReadingPayload): void {
    if (!showsContact(readings.readings)) return
    const now = new Date().toISOString()
    gateways.value = gateways.value.map(gateway => (gateway.id === readings.gatewayId ? { ...gateway, lastContactAt: laterContact(gateway.lastContactAt, now) } : gateway))
  }

  /** Loads the list and keeps it live; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    const { subscribe, follow: followAll } = useWebSocket()
    const reload = () => { void load(tenantId).then(followEach) }
    const perGateway: Array<() => void> = []
    const followed = new Set<number>()
    let stopped = false
    function followEach() {
      if (stopped) return
      for (const gateway of gateways.value.filter(row => !followed.has(row.id))) {
        followed.add(gateway.id)
        perGateway.push(subscribe(channels.gateway(gateway.id), EVENTS.readingNew, data => touch(data as ReadingPayload), { componentTag, onGap: reload }))
      }
    }
    const stop = followAll([[channels.tenant(tenantId, 'gateways'), EVENTS.gatewayStatusChanged, data => snapshot.receive(data as GatewayStatusPayload)]], { componentTag, reload })
    return () => {
      stopped = true
      stop()
      perGateway.forEach(stopOne => stopOne())
    }
  }

  return { gateways, loadedAt, error, load, follow }
})
