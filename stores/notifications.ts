// The signed-in user's notifications: loaded from REST, kept live from private-user.{u}, marked read here.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { NotificationPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

const KEEP = 100

export const useNotificationsStore = defineStore('notifications', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const items = ref<NotificationPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const unread = computed(() => items.value.filter(item => item.readAt === null).length)
  const snapshot = new LiveSnapshot<NotificationPayload>({ apply: add })

  /** (Re)loads the newest notifications: on first use, and after missed events could not be replayed. */
  function load(userId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: NotificationPayload[] }>(`/api/users/${userId}/notifications`, { query: { limit: 50 } }), (page) => {
      items.value = page.data
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, t('notifications.loadFailed'))
    })
  }

  /** Adds a notification at the top unless it is listed already. */
  function add(item: NotificationPayload): void {
    if (items.value.some(known => known.id === item.id)) return
    items.value = [item, ...items.value].slice(0, KEEP)
  }

  /** Loads and keeps the list live, calling `onNew` for each new live one; returns the function that stops following. */
  function follow(userId: number, componentTag: string, onNew: (item: NotificationPayload) => void): () => void {
    return useWebSocket().follow([[channels.user(userId), EVENTS.notification, (data) => {
      const item = data as NotificationPayload
      const isNew = !items.value.some(known => known.id === item.id)
      snapshot.receive(item)
      if (isNew) onNew(item)
    }]], { componentTag, reload: () => { void load(userId) } })
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
