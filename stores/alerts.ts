// The tenant's alerts: loaded from REST, kept live from private-tenant.{t}.alerts, acknowledged and resolved here.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { AlertPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import { keepHandlerNames } from '~/utils/alerts/handler-names'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

export const useAlertsStore = defineStore('alerts', () => {
  const alerts = ref<AlertPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const snapshot = new LiveSnapshot<AlertPayload>({ apply: upsert })

  /** (Re)loads the newest alerts: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: AlertPayload[] }>(`/api/tenants/${tenantId}/alerts`, { query: { limit: 200 } }), (page) => {
      alerts.value = page.data
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Alerts could not be loaded')
    })
  }

  /** Inserts or replaces an alert by id (live events carry the whole alert). */
  function upsert(alert: AlertPayload): void {
    const index = alerts.value.findIndex(item => item.id === alert.id)
    if (index === -1) alerts.value = [alert, ...alerts.value]
    else alerts.value = alerts.value.map(item => (item.id === alert.id ? keepHandlerNames(item, alert) : item))
  }

  /** Loads the alerts and keeps them live; returns the function that stops following (see the activity store). */
  function follow(tenantId: number, componentTag: string): () => void {
    const channel = channels.tenant(tenantId, 'alerts')
    const receive = (data: unknown) => snapshot.receive(data as AlertPayload)
    return useWebSocket().follow([[channel, EVENTS.alertCreated, receive], [channel, EVENTS.alertUpdated, receive]], {
      componentTag,
      reload: () => { void load(tenantId) },
    })
  }

  /** Acknowledges or resolves an alert; the answer (and the broadcast) update the list. */
  async function act(alertId: number, action: 'acknowledge' | 'resolve'): Promise<void> {
    const answer = await $fetch<{ data: AlertPayload }>(`/api/alerts/${alertId}/${action}`, { method: 'POST', headers: { 'x-xsrf-token': xsrfToken() } })
    snapshot.receive(answer.data)
  }

  return { alerts, loadedAt, error, load, follow, act }
})
