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

export interface GatewayInfo {
  id: number
  name: string
  serial: string
  online: boolean
  lastContactAt: string | null
  offlineAfterSeconds: number
}

export interface DataPointInput {
  register: number
  label: string
  unit: string
  scale: number
  group: string
}

type LiveEvent = { kind: 'reading', payload: ReadingPayload } | { kind: 'status', payload: GatewayStatusPayload }

export const useGatewayStore = defineStore('gateway', () => {
  const gateway = ref<GatewayInfo | null>(null)
  const points = ref<GatewayDataPoint[]>([])
  const lines = shallowRef<Record<number, ChartReading[]>>({})
  const rangeMs = ref(3_600_000)
  const error = ref<{ status: number, message: string } | null>(null)
  let currentId: number | null = null
  let generation = 0
  let arrivedDuringLoad: LiveEvent[] | null = null
  const reloadedFor = new Set<number>()

  /** (Re)loads the gateway and the history of its data points over the range; live events wait until it is done. */
  async function load(gatewayId: number): Promise<void> {
    if (currentId !== gatewayId) {
      gateway.value = null
      points.value = []
      lines.value = {}
      error.value = null
      reloadedFor.clear()
    }
    currentId = gatewayId
    // Only the newest load (another gateway, another range) may write its answer and replay the buffer.
    const mine = ++generation
    arrivedDuringLoad = []
    try {
      const detail = await $fetch<{ data: GatewayInfo & { groups: Array<{ dataPoints: GatewayDataPoint[] }> } }>(`/api/gateways/${gatewayId}`)
      const histories = await Promise.all(detail.data.groups.flatMap(group => group.dataPoints).map(point => history(gatewayId, point.id)))
      if (mine !== generation) return
      const { id, name, serial, online, lastContactAt, offlineAfterSeconds } = detail.data
      gateway.value = { id, name, serial, online, lastContactAt, offlineAfterSeconds }
      points.value = detail.data.groups.flatMap(group => group.dataPoints)
      lines.value = Object.fromEntries(histories.map(answer => [answer.dataPointId, historyPoints(answer)]))
      error.value = null
    }
    catch (failure) {
      const { statusCode, statusMessage } = failure as { statusCode?: number, statusMessage?: string }
      if (mine === generation) error.value = { status: statusCode ?? 0, message: statusMessage ?? 'The gateway could not be loaded' }
    }
    finally {
      if (mine === generation) {
        const arrived = arrivedDuringLoad ?? []
        arrivedDuringLoad = null
        arrived.forEach(apply)
      }
    }
  }

  /** One data point's readings over the chosen range, up to now. */
  function history(gatewayId: number, dataPointId: number): Promise<ReadingHistory> {
    const from = new Date(Date.now() - rangeMs.value).toISOString()
    return $fetch<{ data: ReadingHistory }>(`/api/gateways/${gatewayId}/readings`, { query: { dataPointId, from } }).then(answer => answer.data)
  }

  /** Applies a live event, or keeps it for after the load in flight. */
  function apply(event: LiveEvent): void {
    if (arrivedDuringLoad) {
      arrivedDuringLoad.push(event)
      return
    }
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
    const { subscribe } = useWebSocket()
    const channel = channels.gateway(gatewayId)
    const options = { componentTag, onGap: () => { void load(gatewayId) } }
    const stops = [
      subscribe(channel, EVENTS.readingNew, data => apply({ kind: 'reading', payload: data as ReadingPayload }), options),
      subscribe(channel, EVENTS.gatewayStatusChanged, data => apply({ kind: 'status', payload: data as GatewayStatusPayload }), options),
    ]
    void load(gatewayId)
    return () => stops.forEach(stop => stop())
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
