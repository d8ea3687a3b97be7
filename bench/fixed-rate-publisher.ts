// Publishes numbered events through the HTTP API at a fixed rate (open loop: a slow answer does not delay the next event).
import type Pusher from 'pusher'
import { nowMs, sleep } from './clock'
import type { PublishedEvents } from './delivery-log'

/** The pusher SDK's RequestError: `status` and `body` for HTTP errors, `error` for network ones. */
type RequestError = Error & { status?: number, body?: string, error?: Error & { code?: string } }

/** What to publish and how fast. */
export interface PublishPlan {
  channel: string
  event: string
  /** Events per second. */
  rate: number
  /** Events in all; event `seq` is due at start + seq / rate seconds. */
  count: number
}

/** What happened to each published event. */
export interface PublishOutcome extends PublishedEvents {
  /** Events the HTTP API answered with 2xx. */
  acknowledgedCount: number
  /** Failed requests by error message. */
  failures: Map<string, number>
  /** HTTP round trip of each acknowledged event, in ms. */
  roundTripMs: Float64Array
  /** Epoch ms of the first and the last send, and of the last answer. */
  firstSentAt: number
  lastSentAt: number
  settledAt: number
}

/** Sends `plan.count` events `{t, seq}` at `plan.rate` per second; resolves when every request has been answered or failed. */
export async function publishAtFixedRate(pusher: Pusher, plan: PublishPlan): Promise<PublishOutcome> {
  const sentAt = new Float64Array(plan.count).fill(Number.NaN)
  const answeredAt = new Float64Array(plan.count).fill(Number.NaN)
  const acknowledged = new Uint8Array(plan.count)
  const failures = new Map<string, number>()
  const requests: Promise<void>[] = []
  const start = nowMs()
  for (let seq = 0; seq < plan.count; seq++) {
    // Due times are absolute, so timer jitter does not accumulate into a lower rate.
    await sleep(start + (seq * 1000) / plan.rate - nowMs())
    const t = nowMs()
    sentAt[seq] = t
    requests.push(pusher.trigger(plan.channel, plan.event, { t, seq }).then(
      () => {
        answeredAt[seq] = nowMs()
        acknowledged[seq] = 1
      },
      (error: unknown) => {
        const reason = requestFailure(error)
        failures.set(reason, (failures.get(reason) ?? 0) + 1)
      },
    ))
  }
  await Promise.all(requests)
  const roundTrips: number[] = []
  for (let seq = 0; seq < plan.count; seq++) if (acknowledged[seq] === 1) roundTrips.push(answeredAt[seq]! - sentAt[seq]!)
  return {
    sentAt,
    acknowledged,
    acknowledgedCount: roundTrips.length,
    failures,
    roundTripMs: Float64Array.from(roundTrips),
    firstSentAt: sentAt[0] ?? start,
    lastSentAt: sentAt[plan.count - 1] ?? start,
    settledAt: nowMs(),
  }
}

/** A failed request as a short reason: the HTTP status and body, or the network error. */
export function requestFailure(error: unknown): string {
  const { status, body, message, error: cause } = error as RequestError
  return status ? `HTTP ${status} ${String(body ?? '').slice(0, 120)}` : `${message}${cause ? `: ${cause.code ?? cause.message}` : ''}`
}
