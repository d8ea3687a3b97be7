// How the open gateway is reached and how its polling goes: the connection (admins change it here), poll
// health refreshed while the page is open, and the result of "Test connection".
import { defineStore } from 'pinia'
import type { GatewayDetail } from '#shared/gateways'
import type { ConnectionTestResult, GatewayConnection, PollHealth } from '#shared/modbus'
import type { GatewaySettings } from '#shared/settings'
import { send } from '~~/stores/settings/resource-store'

/** How often poll health is fetched again while the page is open: it changes with every poll and is not broadcast. */
const HEALTH_REFRESH_MS = 5000

export const useGatewayConnectionStore = defineStore('gateway-connection', () => {
  const gatewayId = ref<number | null>(null)
  const connection = ref<GatewayConnection | null>(null)
  const pollHealth = ref<PollHealth | null>(null)
  const test = ref<ConnectionTestResult | null>(null)
  const testing = ref(false)
  const testFailure = ref<string | null>(null)

  /** Fetches the gateway's connection and poll health again. */
  async function refresh(): Promise<void> {
    const id = gatewayId.value
    if (id === null) return
    const answer = await $fetch<{ data: GatewayDetail }>(`/api/gateways/${id}`)
    if (gatewayId.value !== id) return
    connection.value = answer.data.connection
    pollHealth.value = answer.data.pollHealth
  }

  /** Shows `id`'s connection and keeps its poll health fresh; returns the function that stops. */
  function follow(id: number): () => void {
    if (gatewayId.value !== id) {
      connection.value = null
      pollHealth.value = null
      test.value = null
      testFailure.value = null
    }
    gatewayId.value = id
    void refresh().catch(() => {})
    // A missed refresh is simply tried again at the next tick; the page's own error says when the server is gone.
    const timer = setInterval(() => void refresh().catch(() => {}), HEALTH_REFRESH_MS)
    return () => clearInterval(timer)
  }

  /** Saves a new connection (admins); throws the server's refusal for the form to show. */
  async function save(next: GatewayConnection): Promise<void> {
    const answer = await send<{ data: GatewaySettings }>(`/api/gateways/${gatewayId.value}`, 'PATCH', { connection: next })
    connection.value = answer.data.connection
    test.value = null
    await refresh().catch(() => {})
  }

  /** Reads every data point once through the saved connection; nothing is stored. */
  async function runTest(): Promise<void> {
    testing.value = true
    testFailure.value = null
    try {
      test.value = (await send<{ data: ConnectionTestResult }>(`/api/gateways/${gatewayId.value}/test`, 'POST')).data
    }
    catch (failure) {
      test.value = null
      testFailure.value = (failure as { statusMessage?: string }).statusMessage ?? String(failure)
    }
    finally {
      testing.value = false
    }
  }

  return { gatewayId, connection, pollHealth, test, testing, testFailure, refresh, follow, save, runTest }
})
