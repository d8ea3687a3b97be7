// The process's telemetry batcher: samples of a zone are gathered for telemetryBatchMs and go out as one
// `telemetry.batch.updated` on private-zone.{z}, so a 1 Hz fleet of nodes does not mean one frame per sample.
import { channels } from '../../../shared/channels'
import type { TelemetryBatchPayload, TelemetrySample } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { Coalescer } from '../coalescer'
import type { DomainContext } from '../context'

/** Samples per broadcast at most: a burst is split so no frame outgrows what clients are sent comfortably. */
export const MAX_SAMPLES_PER_BATCH = 200

let batcher: Coalescer<TelemetrySample> | null = null

/** Queues stored samples of a zone for its next batch (call after commit). */
export function queueTelemetrySamples(ctx: DomainContext, zoneId: number, samples: TelemetrySample[]): void {
  batcher ??= new Coalescer<TelemetrySample>(ctx.settings.telemetryBatchMs, (key, items) => {
    const zone = Number(key)
    for (let start = 0; start < items.length; start += MAX_SAMPLES_PER_BATCH) {
      const payload: TelemetryBatchPayload = { zoneId: zone, samples: items.slice(start, start + MAX_SAMPLES_PER_BATCH) }
      ctx.broadcaster.broadcast([channels.zone(zone)], EVENTS.telemetryBatchUpdated, payload)
    }
  })
  for (const sample of samples) batcher.push(String(zoneId), sample)
}

/**
 * Sends every pending batch now and forgets the batcher (shutdown, tests); the next sample creates a
 * new one with the context of that moment.
 */
export function flushTelemetryBatches(): void {
  const current = batcher
  batcher = null
  current?.flushAll()
}
