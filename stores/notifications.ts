// The signed-in user's notifications: loaded from REST, kept live from private-user.{u}, marked read here.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { NotificationPayload } from '#shared/events'
import { EVENTS } from '#shared/events'

const KEEP = 100

export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<NotificationPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const unread = computed(() => items.value.filter(item => item.readAt === null).length)
  let arrivedDuringLoad: NotificationPayload[] | null = null

  /** (Re)loads the newest notifications: on first use, and after missed events could not be replayed. */
  async function load(userId: number): Promise<void> {
    arrivedDuringLoad = []
    try {
      items.value = (await $fetch<{ data: NotificationPayload[] }>(`/api/users/${userId}/notifications`, { query: { limit: 50 } })).data
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Notifications could not be loaded'
    }
    finally {
      const arrived = arrivedDuringLoad ?? []
      arrivedDuringLoad = null
      for (const item of arrived) add(item)
    }
  }

  /** Adds a notification at the top unless it is listed already; true when it is new. */
  function add(item: NotificationPayload): boolean {
    arrivedDuringLoad?.push(item)
    if (items.value.some(known => known.id === item.id)) return false
    items.value = [item, ...items.value].slice(0, KEEP)
    return true
  }

  /** Loads and keeps the list live, calling `onNew` for each new live one; returns the function that stops following. */
  function follow(userId: number, componentTag: string, onNew: (item: NotificationPayload) => void): () => void {
    const stop = useWebSocket().subscribe(channels.user(userId), EVENTS.notification, (data) => {
      if (add(data as NotificationPayload)) onNew(data as NotificationPayload)
    }, { componentTag, onGap: () => { void load(userId) } })
    void load(userId)
    return stop
  }

  /** Marks every unread notification read, on the server and here. */
  async function markAllRead(): Promise<void> {
    const ids = items.value.filter(item => item.readAt === null).map(item => item.id)
    if (ids.length === 0) return
    await $fetch('/api/notifications/read', { method: 'POST', body: { ids }, headers: { 'x-xsrf-token': xsrfToken() } })
    const readAt = new Date().toISOString()
    items.value = items.value.map(item => (ids.includes(item.id) ? { ...item, readAt } : item))
  }

  return { items, loadedAt, error, unread, load, follow, markAllRead }
})
