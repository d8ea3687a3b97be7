// The dashboard's counters (zones by status, gateways online, vehicles by status, active alerts), kept live.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { PositionBatchPayload, VehicleStatus } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { TenantSummary } from '#shared/summary'
import { failureMessage } from '~/utils/failure-message'

/** Counts change in bursts (a threshold crossed in ten zones at once): one reload per second at most. */
const RELOAD_AT_MOST_EVERY_MS = 1000

export const useSummaryStore = defineStore('summary', () => {
  const summary = ref<TenantSummary | null>(null)
  const error = ref<string | null>(null)

  /** Loads the counters. */
  async function load(tenantId: number): Promise<void> {
    try {
      summary.value = (await $fetch<{ data: TenantSummary }>(`/api/tenants/${tenantId}/summary`)).data
      error.value = null
    }
    catch (failure) {
      error.value = failureMessage(failure, 'Counters could not be loaded')
    }
  }

  /** Loads the counters and reloads them after events that change them; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null
    const reloadSoon = () => {
      timer ??= setTimeout(() => {
        timer = null
        void load(tenantId)
      }, RELOAD_AT_MOST_EVERY_MS)
    }
    // Positions stream all the time; only a vehicle changing status changes a counter.
    const vehicleStatus = new Map<number, VehicleStatus>()
    const onPositions = (data: unknown) => {
      let changed = false
      for (const fix of (data as PositionBatchPayload).positions) {
        if (vehicleStatus.has(fix.vehicleId) && vehicleStatus.get(fix.vehicleId) !== fix.status) changed = true
        vehicleStatus.set(fix.vehicleId, fix.status)
      }
      if (changed) reloadSoon()
    }
    const stop = useWebSocket().follow([
      [channels.tenant(tenantId, 'alerts'), EVENTS.alertCreated, reloadSoon],
      [channels.tenant(tenantId, 'alerts'), EVENTS.alertUpdated, reloadSoon],
      [channels.tenant(tenantId, 'gateways'), EVENTS.gatewayStatusChanged, reloadSoon],
      [channels.tenant(tenantId, 'fleet'), EVENTS.positionBatch, onPositions],
    ], { componentTag, reload: reloadSoon, loadNow: false })
    void load(tenantId)
    return () => {
      if (timer) clearTimeout(timer)
      stop()
    }
  }

  return { summary, error, load, follow }
})
