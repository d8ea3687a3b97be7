// The tenant's geozones: loaded from REST, changed here by operators, and reloaded when the activity
// feed (private-tenant.{t}.events) says someone else created, changed or deleted one.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { ActivityEventPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { Geozone, GeozoneShape } from '~/utils/map/geozone-geometry'
import { changesGeozones } from '~/utils/map/geozone-activity'
import { failureMessage } from '~/utils/failure-message'

export const useGeozonesStore = defineStore('geozones', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const geozones = ref<Geozone[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  let tenant: number | null = null

  /** (Re)loads the geozones: on first use, after a change elsewhere, and after missed events. */
  async function load(tenantId: number): Promise<void> {
    tenant = tenantId
    try {
      geozones.value = (await $fetch<{ data: Geozone[] }>(`/api/tenants/${tenantId}/geozones`)).data
      loadedAt.value = Date.now()
      error.value = null
    }
    catch (failure) {
      error.value = failureMessage(failure, t('map.geozones.loadError'))
    }
  }

  /** Loads the geozones and reloads them on geozone activity; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    return useWebSocket().follow([[channels.tenant(tenantId, 'events'), EVENTS.eventCreated, (data) => {
      if (changesGeozones((data as ActivityEventPayload).kind)) void load(tenantId)
    }]], { componentTag, reload: () => { void load(tenantId) } })
  }

  /** Creates a geozone (operators and admins); throws the server's refusal. */
  async function create(input: { name: string, shape: GeozoneShape, color?: string }): Promise<Geozone> {
    const answer = await $fetch<{ data: Geozone }>(`/api/tenants/${tenant}/geozones`, { method: 'POST', body: input, headers: { 'x-xsrf-token': xsrfToken() } })
    replace(answer.data)
    return answer.data
  }

  /** Renames a geozone; throws the server's refusal. */
  async function rename(id: number, name: string): Promise<void> {
    const answer = await $fetch<{ data: Geozone }>(`/api/geozones/${id}`, { method: 'PATCH', body: { name }, headers: { 'x-xsrf-token': xsrfToken() } })
    replace(answer.data)
  }

  /** Gives a geozone a new shape (moved corners, a new circle); throws the server's refusal. */
  async function reshape(id: number, shape: GeozoneShape): Promise<void> {
    const answer = await $fetch<{ data: Geozone }>(`/api/geozones/${id}`, { method: 'PATCH', body: { shape }, headers: { 'x-xsrf-token': xsrfToken() } })
    replace(answer.data)
  }

  /** Deletes a geozone; throws the server's refusal. */
  async function remove(id: number): Promise<void> {
    await $fetch(`/api/geozones/${id}`, { method: 'DELETE', headers: { 'x-xsrf-token': xsrfToken() } })
    geozones.value = geozones.value.filter(zone => zone.id !== id)
  }

  function replace(zone: Geozone): void {
    const known = geozones.value.some(item => item.id === zone.id)
    geozones.value = known ? geozones.value.map(item => (item.id === zone.id ? zone : item)) : [...geozones.value, zone]
  }

  return { geozones, loadedAt, error, load, follow, create, rename, reshape, remove }
})
