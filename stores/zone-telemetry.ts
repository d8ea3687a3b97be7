// A zone's telemetry charts: stored history of the chosen range per metric, with live samples appended in a
// sliding window (see app/utils/zones/telemetry-series.ts for how series stay bounded).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { TelemetryBatchPayload, TelemetrySample } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { HistoryPoint, RangeKey, ZoneSeries } from '~/utils/zones/telemetry-series'
import { appendSamples, historySeries, rangeMs, slotMsFor } from '~/utils/zones/telemetry-series'

export const useZoneTelemetryStore = defineStore('zone-telemetry', () => {
  const range = ref<RangeKey>('1h')
  const series = shallowRef<ZoneSeries>({})
  const loading = ref(false)
  const error = ref<string | null>(null)
  let shown: { zoneId: number, metrics: string[] } | null = null
  let arrivedDuringLoad: TelemetrySample[] | null = null
  let loads = 0

  /** Loads the history of `metrics` of zone `zoneId` over the chosen range (again when the range changes or after a gap). */
  async function load(zoneId: number, metrics: string[]): Promise<void> {
    const load = ++loads
    if (shown?.zoneId !== zoneId) series.value = {}
    shown = { zoneId, metrics }
    arrivedDuringLoad = []
    loading.value = true
    const windowMs = rangeMs(range.value)
    const to = Date.now()
    const query = { from: new Date(to - windowMs).toISOString(), to: new Date(to).toISOString() }
    try {
      const answers = await Promise.all(metrics.map(metric =>
        $fetch<{ data: { points: HistoryPoint[] } }>(`/api/zones/${zoneId}/telemetry`, { query: { ...query, metric } })))
      if (load !== loads) return
      const history: ZoneSeries = Object.fromEntries(metrics.map((metric, index) => [metric, historySeries(answers[index]!.data.points)]))
      series.value = appendSamples(history, arrivedDuringLoad, Date.now() - windowMs, slotMsFor(windowMs))
      error.value = null
    }
    catch (failure) {
      if (load === loads) error.value = (failure as { statusMessage?: string }).statusMessage ?? 'Telemetry could not be loaded'
    }
    finally {
      if (load === loads) {
        arrivedDuringLoad = null
        loading.value = false
      }
    }
  }

  /** Adds a live batch (held back while history loads, so the older answer cannot overwrite it). */
  function receive(samples: TelemetrySample[]): void {
    if (arrivedDuringLoad) {
      arrivedDuringLoad.push(...samples)
      return
    }
    const windowMs = rangeMs(range.value)
    series.value = appendSamples(series.value, samples, Date.now() - windowMs, slotMsFor(windowMs))
  }

  /** Follows the zone's live samples; returns the function that stops following. */
  function follow(zoneId: number, componentTag: string): () => void {
    return useWebSocket().subscribe(channels.zone(zoneId), EVENTS.telemetryBatchUpdated, (data) => {
      const batch = data as TelemetryBatchPayload
      if (batch.zoneId === zoneId) receive(batch.samples)
    }, { componentTag, onGap: () => { if (shown?.zoneId === zoneId) void load(zoneId, shown.metrics) } })
  }

  return { range, series, loading, error, load, follow }
})
