// The recent commands of the vehicle opened in the map's panel, their status kept live from private-vehicle.{v}.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import { EVENTS } from '#shared/events'
import type { VehicleCommandPayload } from '#shared/vehicle-commands'
import type { VehicleCommandBody } from '~/utils/map/vehicle-commands'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { mergeCommand } from '~/utils/zones/zone-commands'
import { failureMessage } from '~/utils/failure-message'
import { xsrfToken } from '~/utils/xsrf-token'

const SHOWN = 10

export const useVehicleCommandsStore = defineStore('vehicle-commands', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const vehicleId = ref<number | null>(null)
  const commands = ref<VehicleCommandPayload[]>([])
  const error = ref<string | null>(null)
  // A status only moves forward, so a change applied again over the snapshot is harmless.
  const snapshot = new LiveSnapshot<VehicleCommandPayload>({ apply: merge })

  function merge(command: VehicleCommandPayload): void {
    if (command.vehicleId === vehicleId.value) commands.value = mergeCommand(commands.value, command, SHOWN)
  }

  /** (Re)loads the vehicle's newest commands: on opening it, and after missed events could not be replayed. */
  function load(id: number): Promise<void> {
    return snapshot.load(() => $fetch<{ data: VehicleCommandPayload[] }>(`/api/vehicles/${id}/commands`, { query: { limit: SHOWN } }), (page) => {
      commands.value = page.data
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, t('vehicles.commands.loadError'))
    })
  }

  /** Follows the vehicle's commands; returns the function that stops (opening another vehicle makes loads stale). */
  function open(id: number, componentTag: string): () => void {
    snapshot.forget()
    vehicleId.value = id
    commands.value = []
    error.value = null
    const stop = useWebSocket().follow([[channels.vehicle(id), EVENTS.commandStatus, data => snapshot.receive(data as VehicleCommandPayload)]], {
      componentTag,
      reload: () => { void load(id) },
    })
    return () => {
      stop()
      if (vehicleId.value !== id) return
      snapshot.forget()
      vehicleId.value = null
      commands.value = []
    }
  }

  /** Queues a command for the open vehicle; the answer joins the list unless a live update overtook it. */
  async function send(body: VehicleCommandBody): Promise<VehicleCommandPayload> {
    const answer = await $fetch<{ data: VehicleCommandPayload }>(`/api/vehicles/${vehicleId.value}/commands`, { method: 'POST', body, headers: { 'x-xsrf-token': xsrfToken() } })
    merge(answer.data)
    return answer.data
  }

  return { vehicleId, commands, error, open, send }
})
