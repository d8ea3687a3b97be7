// Publishes numbered events through the HTTP API as fast as the server answers (closed loop, a few requests in flight).
import type Pusher from 'pusher'
import { nowMs } from './clock'
import type { PublishOutcome } from './fixed-rate-publisher'
import { requestFailure } from './fixed-rate-publisher'

/** `single`: one event on one channel per request; `batch`: 10 such events per batch_events request; `multi`: one event on 10 channels. */
export type BurstMode = 'single' | 'batch' | 'multi'

/** Events per request (batch) or channels per event (multi): the server's batch limit. */
export const GROUP = 10

export interface BurstPlan {
  mode: BurstMode
  event: string
  /** Channels `${prefix}-0` … `${prefix}-${channels - 1}`, targeted round robin. */
  prefix: string
  channels: number
  seconds: number
  /** Requests kept in flight. */
  concurrency: number
}

/** What happened, plus the request count and how many sockets each event targets. */
export interface BurstOutcome extends PublishOutcome {
  requests: number
  targetsPerEvent: number
}

/** Keeps `concurrency` requests going for `plan.seconds`; each event carries `{t, seq}`. */
export async function publishBurst(pusher: Pusher, plan: BurstPlan): Promise<BurstOutcome> {
  const sentAt: number[] = []
  const answeredAt: number[] = []
  const acknowledged: number[] = []
  const failures = new Map<string, number>()
  let requests = 0
  let nextChannel = 0
  const channel = () => `${plan.prefix}-${nextChannel++ % plan.channels}`
  const start = nowMs()
  const end = start + plan.seconds * 1000

  const one = async (): Promise<void> => {
    const t = nowMs()
    const seqs = plan.mode === 'batch' ? Array.from({ length: GROUP }, () => sentAt.push(t) - 1) : [sentAt.push(t) - 1]
    requests += 1
    const request = plan.mode === 'single'
      ? pusher.trigger(channel(), plan.event, { t, seq: seqs[0] })
      : plan.mode === 'multi'
        ? pusher.trigger(Array.from({ length: GROUP }, channel), plan.event, { t, seq: seqs[0] })
        : pusher.triggerBatch(seqs.map(seq => ({ channel: channel(), name: plan.event, data: { t, seq } })))
    try {
      await request
      const at = nowMs()
      for (const seq of seqs) {
        acknowledged[seq] = 1
        answeredAt[seq] = at
      }
    }
    catch (error) {
      const reason = requestFailure(error)
      failures.set(reason, (failures.get(reason) ?? 0) + 1)
    }
  }
  const worker = async (): Promise<void> => {
    while (nowMs() < end) await one()
  }
  await Promise.all(Array.from({ length: plan.concurrency }, worker))

  const count = sentAt.length
  const acked = new Uint8Array(count)
  const roundTrips: number[] = []
  for (let seq = 0; seq < count; seq++) {
    if (acknowledged[seq] !== 1) continue
    acked[seq] = 1
    roundTrips.push(answeredAt[seq]! - sentAt[seq]!)
  }
  return {
    sentAt: Float64Array.from(sentAt),
    acknowledged: acked,
    acknowledgedCount: roundTrips.length,
    failures,
    roundTripMs: Float64Array.from(roundTrips),
    firstSentAt: sentAt[0] ?? start,
    lastSentAt: sentAt[count - 1] ?? start,
    settledAt: nowMs(),
    requests,
    targetsPerEvent: plan.mode === 'multi' ? GROUP : 1,
  }
}
