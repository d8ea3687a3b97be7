// The tenant's latest commands, any zone, with their status kept live from private-tenant.{t}.commands.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { CommandPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { failureMessage } from '~/utils/failure-message'

const KEEP = 20

export const useCommandsStore = defineStore('commands', () => {
  const commands = ref<CommandPayload[]>([])
  const loadedAt = ref<number | null>(null)
  const error = ref<string | null>(null)
  const snapshot = new LiveSnapshot<CommandPayload>({ apply: upsert })

  /** (Re)loads the newest commands: on first use, and after missed events could not be replayed. */
  function load(tenantId: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: CommandPayload[] }>(`/api/tenants/${tenantId}/commands`, { query: { limit: KEEP } }), (page) => {
      commands.value = page.data
      loadedAt.value = Date.now()
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Commands could not be loaded')
    })
  }

  /** Inserts a new command at the top or replaces a known one, unless the known one is newer. */
  function upsert(command: CommandPayload): void {
    const known = commands.value.find(item => item.id === command.id)
    if (!known) commands.value = [command, ...commands.value].sort((a, b) => b.id - a.id).slice(0, KEEP)
    else if (known.updatedAt <= command.updatedAt) commands.value = commands.value.map(item => (item.id === command.id ? command : item))
  }

  /** Loads the commands and keeps them live; returns the function that stops following. */
  function follow(tenantId: number, componentTag: string): () => void {
    return useWebSocket().follow([[channels.tenant(tenantId, 'commands'), EVENTS.commandStatus, data => snapshot.receive(data as CommandPayload)]], {
      componentTag,
      reload: () => { void load(tenantId) },
    })
  }

  return { commands, loadedAt, error, load, follow }
})
