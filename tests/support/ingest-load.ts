// Devices sending telemetry batches without pause, each batch under its own metric and Idempotency-Key, so a
// fault test can tell afterwards which batches were stored, and whether fully.
import { waitFor } from './clients'
import type { Session } from './http-session'
import { ingest } from './ingest-token'

/** One batch: its metric, its key and the HTTP status it got (0: the request failed at the client). */
export interface BatchOutcome {
  metric: string
  key: string
  status: number
}

/** Most batches one device sends, however long the test takes to stop it. */
const MAX_ROUNDS = 300

export class DeviceLoad {
  readonly outcomes: BatchOutcome[] = []
  private stopping = false
  private readonly running: Promise<void>

  /** Starts `devices` concurrent senders for node `deviceUid`, `samples` samples per batch. */
  constructor(private readonly baseUrl: string, private readonly token: string, private readonly deviceUid: string, readonly options: { prefix: string, devices?: number, samples?: number }) {
    this.running = Promise.all(Array.from({ length: options.devices ?? 3 }, (_, id) => this.device(id))).then(() => undefined)
  }

  /** Resolves once `count` batches have been answered with `status`. */
  answered(status: number, count: number, timeoutMs = 20_000): Promise<void> {
    return waitFor(() => this.outcomes.filter(outcome => outcome.status === status).length >= count, timeoutMs, `${count} batches answered ${status}`)
  }

  /** Lets each device finish its current request, then stops; returns every outcome. A device stops by itself after a failed request. */
  async stop(): Promise<BatchOutcome[]> {
    this.stopping = true
    await this.running
    return this.outcomes
  }

  /** Sends one batch again under its own metric and key (a device retrying), returning the status. */
  async retry(outcome: BatchOutcome): Promise<number> {
    return (await this.send(outcome.metric, outcome.key)).status
  }

  private send(metric: string, key: string): Promise<Response> {
    const samples = Array.from({ length: this.options.samples ?? 200 }, (_, i) => ({ metric, value: i }))
    return ingest(this.baseUrl, this.token, '/api/ingest/telemetry', { device: this.deviceUid, samples }, { 'idempotency-key': key })
  }

  private async device(id: number): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS && !this.stopping; round += 1) {
      const metric = `${this.options.prefix}_${id}_${round}`
      const key = `${this.options.prefix}-${id}-${round}`
      let status = 0
      try {
        const response = await this.send(metric, key)
        await response.arrayBuffer()
        status = response.status
      }
      catch {
        // Refused, reset or cut off mid-answer: the device does not know whether the batch was stored.
      }
      this.outcomes.push({ metric, key, status })
      // The server is gone: a device waits for it rather than spinning on refused connections.
      if (status === 0) return
    }
  }
}

/** How many samples of `metric` the zone's telemetry history route returns (the last hour, raw). */
export async function storedSamples(session: Session, zoneId: number, metric: string): Promise<number> {
  const response = await session.fetch(`/api/zones/${zoneId}/telemetry?metric=${metric}`)
  if (response.status !== 200) throw new Error(`telemetry of ${metric}: ${response.status} ${await response.text()}`)
  return (await response.json() as { data: { points: unknown[] } }).data.points.length
}
