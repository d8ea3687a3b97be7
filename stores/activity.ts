// The activity feed of the signed-in user's tenant: loaded from REST, kept live from private-tenant.{t}.events.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { ActivityEventPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'

const KEEP = 100

export const useActivityStore = defineStore('activity', () => {
  const events = ref<ActivityEventPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const lastEventAt = ref<number | null>(null)

  const snapshot = new LiveSnapshot<ActivityEventPayload>({ apply: show })

  /** (Re)loads the newest events: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: ActivityEventPayload[] }>(`/api/tenants/${tenantId}/events`, { query: { limit: 50 } }), (page) => {
      events.value = page.data
      loadedAt.value = Date.now()
    })
  }

  /** Shows a live event at the top unless it is already listed. */
  function show(event: ActivityEventPayload): void {
    lastEventAt.value = Date.now()
    if (events.value.some(item => item.id === event.id)) return
    events.value = [event, ...events.value].slice(0, KEEP)
  }

  /**
   * Loads the feed and keeps it live; returns the function that stops following. The caller stops it
   * when its component unmounts (a store outlives components, so it cannot tie this to one itself).
   */
  function follow(tenantId: number, componentTag: string): () => void {
    return useWebSocket().follow([[channels.tenant(tenantId, 'events'), EVENTS.eventCreated, data => snapshot.receive(data as ActivityEventPayload)]], {
      componentTag,
      reload: () => { void load(tenantId) },
    })
  }

  return { events, loadedAt, lastEventAt, load, follow }
})
