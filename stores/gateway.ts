// One gateway as its page shows it: status, data points with their latest values and chart lines, kept live
// from private-gateway.{g}; operators add data points here.
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { GatewayStatusPayload, ReadingPayload } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { GatewayDataPoint } from '~/utils/gateways/data-points'
import { applyReadings, unknownDataPoints } from '~/utils/gateways/data-points'
import { laterContact } from '~/utils/gateways/gateway-status'
import type { ChartReading, ReadingHistory } from '~/utils/gateways/reading-series'
import { appendReadings, historyPoints } from '~/utils/gateways/reading-series'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'

export interface GatewayInfo {
  id: number
  name: string
  serial: string
  online: boolean
  lastContactAt: string | null
  offlineAfterSeconds: number
}

export type DataPointInput = Pick<GatewayDataPoint, 'register' | 'function' | 'dataType' | 'wordOrder' | 'label' | 'unit' | 'scale' | 'offset' | 'group'>

type LiveEvent = { kind: 'reading', payload: ReadingPayload } | { kind: 'status', payload: GatewayStatusPayload }

export const useGatewayStore = defineStore('gateway', () => {
  const gateway = ref<GatewayInfo | null>(null)
  const points = ref<GatewayDataPoint[]>([])
  const lines = shallowRef<Record<number, ChartReading[]>>({})
  const rangeMs = ref(3_600_000)
  const error = ref<{ status: number, message: string } | null>(null)
  let currentId: number | null = null
  const reloadedFor = new Set<number>()
  // Readings must not be appended twice, nor to the lines of the range being replaced: they wait for the load.
  const snapshot = new LiveSnapshot<LiveEvent>({ apply, whileLoading: 'hold' })

  /** (Re)loads the gateway and the history of its data points over the range; live events wait until it is done. */
  function load(gatewayId: number): Promise<void> {
    if (currentId !== gatewayId) {
      gateway.value = null
      points.value = []
      lines.value = {}
      error.value = null
      reloadedFor.clear()
      snapshot.forget()
    }
    currentId = gatewayId
    // Only the newest load (another gateway, another range) may write its answer and replay what arrived.
    return snapshot.load(async () => {
      const detail = await $fetch<{ data: GatewayInfo & { groups: Array<{ dataPoints: GatewayDataPoint[] }> } }>(`/api/gateways/${gatewayId}`)
      const histories = await Promise.all(detail.data.groups.flatMap(group => group.dataPoints).map(point => history(gatewayId, point.id)))
      return { detail: detail.data, histories }
    }, ({ detail, histories }) => {
      const { id, name, serial, online, lastContactAt, offlineAfterSeconds } = detail
      gateway.value = { id, name, serial, online, lastContactAt, offlineAfterSeconds }
      points.value = detail.groups.flatMap(group => group.dataPoints)
      lines.value = Object.fromEntries(histories.map(answer => [answer.dataPointId, historyPoints(answer)]))
      error.value = null
    }, (failure) => {
      const { statusCode, statusMessage } = failure as { statusCode?: number, statusMessage?: string }
      error.value = { status: statusCode ?? 0, message: statusMessage ?? 'The gateway could not be loaded' }
    })
  }

  /** One data point's readings over the chosen range, up to now. */
  function history(gatewayId: number, dataPointId: number): Promise<ReadingHistory> {
    const from = new Date(Date.now() - rangeMs.value).toISOString()
    return $fetch<{ data: ReadingHistory }>(`/api/gateways/${gatewayId}/readings`, { query: { dataPointId, from } }).then(answer => answer.data)
  }

  /** Applies a live event to the gateway shown. */
  function apply(event: LiveEvent): void {
    const current = gateway.value
    if (!current || (event.kind === 'status' ? event.payload.id : event.payload.gatewayId) !== current.id) return
    if (event.kind === 'status') {
      gateway.value = { ...current, online: event.payload.online, lastContactAt: laterContact(current.lastContactAt, event.payload.lastContactAt) }
      return
    }
    const { readings } = event.payload
    gateway.value = { ...current, lastContactAt: laterContact(current.lastContactAt, new Date().toISOString()) }
    points.value = applyReadings(points.value, readings)
    lines.value = appendReadings(lines.value, readings, Date.now() - rangeMs.value)
    // A data point added in another browser: fetch it (and its history) once rather than drop its readings.
    const unknown = unknownDataPoints(points.value, readings).filter(id => !reloadedFor.has(id))
    if (unknown.length > 0) {
      unknown.forEach(id => reloadedFor.add(id))
      void load(current.id)
    }
  }

  /** Loads the gateway and keeps it live; returns the function that stops following. */
  function follow(gatewayId: number, componentTag: string): () => void {
    const channel = channels.gateway(gatewayId)
    return useWebSocket().follow([
      [channel, EVENTS.readingNew, data => snapshot.receive({ kind: 'reading', payload: data as ReadingPayload })],
      [channel, EVENTS.gatewayStatusChanged, data => snapshot.receive({ kind: 'status', payload: data as GatewayStatusPayload })],
    ], { componentTag, reload: () => { void load(gatewayId) } })
  }

  /** Shows another time range: the charts' history is loaded again. */
  function setRange(ms: number): void {
    rangeMs.value = ms
    if (currentId !== null) void load(currentId)
  }

  /** Adds a data point (operators and admins); throws the server's refusal for the form to show. */
  async function addDataPoint(input: DataPointInput): Promise<GatewayDataPoint> {
    const answer = await $fetch<{ data: GatewayDataPoint }>(`/api/gateways/${currentId}/data-points`, { method: 'POST', body: input, headers: { 'x-xsrf-token': xsrfToken() } })
    points.value = [...points.value.filter(point => point.id !== answer.data.id), answer.data]
    lines.value = { ...lines.value, [answer.data.id]: lines.value[answer.data.id] ?? [] }
    return answer.data
  }

  return { gateway, points, lines, rangeMs, error, load, follow, setRange, addDataPoint }
})
