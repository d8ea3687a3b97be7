// Keeps each received event frame cheaply during the run and checks them all afterwards: counts, duplicates, latencies.
import { RECOVERY_KEY } from '../shared/realtime-protocol'

/** What is known of the published events, indexed by `seq`. */
export interface PublishedEvents {
  /** Epoch ms at which each event was handed to the HTTP client. */
  sentAt: Float64Array
  /** 1 when the HTTP API acknowledged the event (2xx), else 0. */
  acknowledged: Uint8Array
}

/** What analyse() found: counts and per-delivery latencies. */
export interface DeliveryAnalysis {
  /** Distinct (socket, acknowledged event) pairs received. */
  received: number
  /** Frames of an event a socket had already received. */
  duplicates: number
  /** Well-formed frames of events that were never acknowledged, or with an unknown `seq`. */
  unexpected: number
  /** Frames of the channel that could not be read as a benchmark event (bad JSON, missing fields). */
  malformed: number
  /** Frames of other events or channels. */
  foreign: number
  /** Deliveries whose payload `t` differs from the time the publisher recorded (should be 0). */
  timestampMismatches: number
  /** Per delivery: receive time minus the publisher's send time (`t` of the payload), in ms. */
  endToEndMs: Float64Array
  /** Per delivery: receive time minus the server's `__lookout.sent_at` (ms resolution), in ms. */
  fromServerMs: Float64Array
  /** Epoch ms of the first and last counted delivery. */
  firstReceivedAt: number
  lastReceivedAt: number
}

/** Receives frames via record() (hot path: no parsing) and checks them in analyse(). */
export class DeliveryLog {
  private texts: string[] = []
  private receivedAt: number[] = []
  private socketIndex: number[] = []

  constructor(
    /** The channel socket `index` is subscribed to: its frames of other channels are foreign. */
    private readonly channelOf: (index: number) => string,
    private readonly event: string,
    private readonly sockets: number,
  ) {}

  /** Frames recorded so far, unchecked (used to stop waiting once every expected frame is in). */
  get frames(): number {
    return this.texts.length
  }

  /** Hot path: keeps the frame, its socket and its arrival time for analyse(). */
  record(index: number, text: string, receivedAt: number): void {
    this.texts.push(text)
    this.receivedAt.push(receivedAt)
    this.socketIndex.push(index)
  }

  /** Parses every recorded frame (both JSON layers) and matches it against the published events. */
  analyse(published: PublishedEvents): DeliveryAnalysis {
    const events = published.sentAt.length
    // One bit per (socket, event): 50 MB for 2 000 sockets × 200 000 events.
    const seen = new Uint8Array(Math.ceil((this.sockets * events) / 8))
    const endToEnd: number[] = []
    const fromServer: number[] = []
    const result = { received: 0, duplicates: 0, unexpected: 0, malformed: 0, foreign: 0, timestampMismatches: 0 }
    let first = Number.POSITIVE_INFINITY
    let last = Number.NEGATIVE_INFINITY
    for (let i = 0; i < this.texts.length; i++) {
      const index = this.socketIndex[i]!
      const frame = readFrame(this.texts[i]!, this.channelOf(index), this.event)
      if (frame === 'foreign' || frame === 'malformed') {
        result[frame] += 1
        continue
      }
      if (frame.seq >= events || published.acknowledged[frame.seq] !== 1 || index >= this.sockets) {
        result.unexpected += 1
        continue
      }
      const slot = index * events + frame.seq
      const byte = Math.floor(slot / 8)
      const bit = 1 << (slot % 8)
      if ((seen[byte]! & bit) !== 0) {
        result.duplicates += 1
        continue
      }
      seen[byte] = seen[byte]! | bit
      result.received += 1
      const at = this.receivedAt[i]!
      if (Math.abs(frame.t - published.sentAt[frame.seq]!) > 0.001) result.timestampMismatches += 1
      endToEnd.push(at - frame.t)
      fromServer.push(at - frame.sentAt)
      if (at < first) first = at
      if (at > last) last = at
    }
    return {
      ...result,
      endToEndMs: Float64Array.from(endToEnd),
      fromServerMs: Float64Array.from(fromServer),
      firstReceivedAt: first,
      lastReceivedAt: last,
    }
  }
}

/** One frame as `{"event","channel","data":"{\"__lookout\":{...},\"t\":...,\"seq\":...}"}`, or why it is not one. */
function readFrame(text: string, channel: string, event: string): { seq: number, t: number, sentAt: number } | 'foreign' | 'malformed' {
  try {
    const outer = JSON.parse(text) as { event?: unknown, channel?: unknown, data?: unknown }
    if (outer.event !== event || outer.channel !== channel) return 'foreign'
    if (typeof outer.data !== 'string') return 'malformed'
    const data = JSON.parse(outer.data) as { t?: unknown, seq?: unknown } & Record<string, unknown>
    const meta = data[RECOVERY_KEY] as { sent_at?: unknown } | undefined
    const { t, seq } = data
    if (typeof t !== 'number' || typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return 'malformed'
    if (typeof meta?.sent_at !== 'number') return 'malformed'
    return { seq, t, sentAt: meta.sent_at }
  }
  catch {
    return 'malformed'
  }
}
