// The messages between subscriber-fleet.ts and its load-generator processes (subscriber-process.ts).
import type { DeliveryAnalysis, PublishedEvents } from './delivery-log'

/** One process's sockets: global indices `first` … `first + count - 1`, all on one server. */
export interface SocketShare {
  url: string
  first: number
  count: number
  /** Channel of every socket, or with `perSocket` the prefix of `${channel}-${global index}`. */
  channel: string
  perSocket: boolean
  batch: number
  deadline: number
}

export type FleetCommand =
  | { type: 'open', share: SocketShare }
  | { type: 'phase', event: string }
  | { type: 'frames' }
  | { type: 'analyse', published: PublishedEvents }
  | { type: 'cpu' }
  | { type: 'close' }

export type FleetReply =
  | { type: 'opened', subscribed: number, failures: Map<string, number>, seconds: number }
  | { type: 'frames', frames: number }
  | { type: 'analysis', analysis: DeliveryAnalysis, dropped: Map<number, number>, protocolErrors: Map<string, number>, pongsSent: number }
  | { type: 'cpu', seconds: number }
  | { type: 'ok' }
  | { type: 'error', message: string }

/** The channel of socket `index` (local to its share). */
export function channelOf(share: SocketShare, index: number): string {
  return share.perSocket ? `${share.channel}-${share.first + index}` : share.channel
}
