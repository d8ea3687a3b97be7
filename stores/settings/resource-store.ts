// One Settings list (zones, nodes, gateways, vehicles, users, tokens): loaded from REST, changed here, and
// reloaded when `settings.changed` on private-tenant.{t}.events says someone changed that kind of thing.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import { EVENTS } from '#shared/events'
import type { SettingsChangedPayload, SettingsSubject } from '#shared/settings'
import { throttle } from '~/utils/zones/throttle'

export interface ResourceRoutes {
  /** The list (`{ data: Row[] }`) of a tenant. */
  list: (tenantId: number) => string
  /** Where a new one is POSTed. */
  create: (tenantId: number) => string
  /** One item (PATCH, DELETE). */
  item: (id: number) => string
  /** The `settings.changed` subjects that mean the list changed. */
  subjects: SettingsSubject[]
}

/** Shortest time between two reloads caused by live events. */
const RELOAD_INTERVAL_MS = 500

/** Sends a state-changing request with the session's CSRF token; throws the server's refusal. */
export function send<T>(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<T> {
  return $fetch<T, string>(url, { method, body: body as Record<string, unknown> | undefined, headers: { 'x-xsrf-token': xsrfToken() } }) as Promise<T>
}

/** A Pinia store for one Settings list of rows shaped `Row`. */
export function defineResourceStore<Row extends { id: number }>(id: string, routes: ResourceRoutes) {
  return defineStore(id, () => {
    const rows = ref<Row[]>([]) as Ref<Row[]>
    const loadedAt = ref<number | null>(null)
    const error = ref<string | null>(null)
    let tenant: number | null = null
    let loads = 0

    /** (Re)loads the list; only the newest of overlapping loads is applied. */
    async function load(tenantId: number): Promise<void> {
      tenant = tenantId
      const mine = ++loads
      try {
        const answer = await $fetch<{ data: Row[] }>(routes.list(tenantId), { query: { limit: 500 } })
        if (mine !== loads) return
        rows.value = answer.data
        loadedAt.value = Date.now()
        error.value = null
      }
      catch (failure) {
        if (mine === loads) error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Could not be loaded'
      }
    }

    /** Loads the list and reloads it when one of its subjects changed; returns the function that stops following. */
    function follow(tenantId: number, componentTag: string): () => void {
      const reload = throttle(() => { void load(tenantId) }, RELOAD_INTERVAL_MS)
      const stop = useWebSocket().subscribe(channels.tenant(tenantId, 'events'), EVENTS.settingsChanged, (data) => {
        if (routes.subjects.includes((data as SettingsChangedPayload).subject)) reload.call()
      }, { componentTag, onGap: () => reload.call(), onReady: () => reload.call() })
      void load(tenantId)
      return () => {
        reload.cancel()
        stop()
      }
    }

    /** Runs a change, then reloads the list so it shows what the server stored. */
    async function change<T>(request: Promise<T>): Promise<T> {
      const answer = await request
      if (tenant !== null) await load(tenant)
      return answer
    }

    /** Creates one; throws the server's refusal. */
    function create<T = unknown>(input: Record<string, unknown>): Promise<T> {
      return change(send<T>(routes.create(tenant!), 'POST', input))
    }

    /** Changes one; throws the server's refusal. */
    function update<T = unknown>(rowId: number, input: Record<string, unknown>): Promise<T> {
      return change(send<T>(routes.item(rowId), 'PATCH', input))
    }

    /** Deletes (archives) one; throws the server's refusal. */
    function remove(rowId: number): Promise<unknown> {
      return change(send(routes.item(rowId), 'DELETE'))
    }

    /** Any other change (enable, disable, …) followed by a reload. */
    function call<T = unknown>(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<T> {
      return change(send<T>(url, method, body))
    }

    return { rows, loadedAt, error, load, follow, create, update, remove, call }
  })
}
