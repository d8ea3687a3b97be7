// A zone's telemetry charts: stored history of the chosen range per metric, with live samples appended in a
// sliding window (see app/utils/zones/telemetry-series.ts for how series stay bounded).
import { defineStore } from 'pinia'
import { channels } from '#shared/channels'
import type { TelemetryBatchPayload, TelemetrySample } from '#shared/events'
import { EVENTS } from '#shared/events'
import type { HistoryPoint, RangeKey, ZoneSeries } from '~/utils/zones/telemetry-series'
import { LiveSnapshot } from '~/utils/realtime/live-snapshot'
import { appendSamples, historySeries, rangeMs, slotMsFor } from '~/utils/zones/telemetry-series'
import { failureMessage } from '~/utils/failure-message'

export const useZoneTelemetryStore = defineStore('zone-telemetry', () => {
  const range = ref<RangeKey>('1h')
  const series = shallowRef<ZoneSeries>({})
  const loading = ref(false)
  const error = ref<string | null>(null)
  let shown: { zoneId: number, metrics: string[] } | null = null
  // Live batches are held back while history loads, so the older answer cannot overwrite them.
  const snapshot = new LiveSnapshot<TelemetrySample[]>({
    apply: append,
    replay: batches => append(batches.flat()),
    whileLoading: 'hold',
  })

  /** Loads the history of `metrics` of zone `zoneId` over the chosen range (again when the range changes or after a gap). */
  async function load(zoneId: number, metrics: string[]): Promise<void> {
    if (shown?.zoneId !== zoneId) {
      series.value = {}
      snapshot.forget()
    }
    shown = { zoneId, metrics }
    loading.value = true
    const windowMs = rangeMs(range.value)
    const to = Date.now()
    const query = { from: new Date(to - windowMs).toISOString(), to: new Date(to).toISOString() }
    await snapshot.load(() => Promise.all(metrics.map(metric =>
      $fetch<{ data: { points: HistoryPoint[] } }>(`/api/zones/${zoneId}/telemetry`, { query: { ...query, metric } }))), (answers) => {
      series.value = Object.fromEntries(metrics.map((metric, index) => [metric, historySeries(answers[index]!.data.points)]))
      error.value = null
    }, (failure) => {
      error.value = failureMessage(failure, 'Telemetry could not be loaded')
    })
    if (!snapshot.loading) loading.value = false
  }

  /** Appends live samples to the series, in the sliding window of the chosen range. */
  function append(samples: TelemetrySample[]): void {
    const windowMs = rangeMs(range.value)
    series.value = appendSamples(series.value, samples, Date.now() - windowMs, slotMsFor(windowMs))
  }

  /** Follows the zone's live samples (the charts make the first load); returns the function that stops following. */
  function follow(zoneId: number, componentTag: string): () => void {
    return useWebSocket().follow([[channels.zone(zoneId), EVENTS.telemetryBatchUpdated, (data) => {
      const batch = data as TelemetryBatchPayload
      if (batch.zoneId === zoneId) snapshot.receive(batch.samples)
    }]], { componentTag, reload: () => { if (shown?.zoneId === zoneId) void load(zoneId, shown.metrics) }, loadNow: false })
  }

  return { range, series, loading, error, load, follow }
})
