// The activity feed of the signed-in user's tenant: loaded from REST, kept live from private-tenant.{t}.events.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { ActivityEventPayload } from '#shared/events'
import { EVENTS } from '#shared/events'

const KEEP = 100

export const useActivityStore = defineStore('activity', () => {
  const events = ref<ActivityEventPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const lastEventAt = ref<number | null>(null)

  /** Live events that arrived while a reload was under way: the snapshot may predate them. */
  let arrivedDuringLoad: ActivityEventPayload[] | null = null

  /** (Re)loads the newest events: on first use, and after missed events could not be replayed. */
  async function load(tenantId: number): Promise<void> {
    arrivedDuringLoad = []
    try {
      const page = await $fetch<{ data: ActivityEventPayload[] }>(`/api/tenants/${tenantId}/events`, { query: { limit: 50 } })
      events.value = page.data
      loadedAt.value = Date.now()
    }
    finally {
      const arrived = arrivedDuringLoad ?? []
      arrivedDuringLoad = null
      for (const event of arrived) add(event)
    }
  }

  /** Adds a live event at the top unless it is already listed. */
  function add(event: ActivityEventPayload): void {
    lastEventAt.value = Date.now()
    arrivedDuringLoad?.push(event)
    if (events.value.some(item => item.id === event.id)) return
    events.value = [event, ...events.value].slice(0, KEEP)
  }

  /**
   * Loads the feed and keeps it live; returns the function that stops following. The caller stops it
   * when its component unmounts (a store outlives components, so it cannot tie this to one itself).
   */
  function follow(tenantId: number, componentTag: string): () => void {
    const stop = useWebSocket().subscribe(channels.tenant(tenantId, 'events'), EVENTS.eventCreated, data => add(data as ActivityEventPayload), {
      componentTag,
      onGap: () => { void load(tenantId) },
    })
    void load(tenantId)
    return stop
  }

  return { events, loadedAt, lastEventAt, load, add, follow }
})
