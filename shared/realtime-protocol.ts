// Names and payload shapes of Lookout's missed-event recovery, shared by the browser and the server.

/**
 * Path prefix a client connects through to ask for offsets: pusher-js's `wsPath` option, so the socket
 * URL is `/lookout/app/{key}`. Sockets on the plain `/app/{key}` get every payload untouched.
 */
export const RECOVERY_PATH = '/lookout'

/**
 * Key the server adds, for sockets that connected through {@link RECOVERY_PATH} only, to every JSON-object
 * event payload (that does not hold the key already) and to every `pusher_internal:subscription_succeeded`
 * payload. Unmodified pusher-js/Echo pass it through to handlers, which is how a page learns each
 * event's offset without a custom client.
 */
export const RECOVERY_KEY = '__lookout'

/** What an event payload carries under {@link RECOVERY_KEY}. */
export interface EventRecoveryMeta {
  /** Per-channel, monotonically increasing position of this event. */
  offset: number
  /** Server time (ms since epoch) at which the event was published: the start of delivery latency. */
  sent_at: number
}

/** What a subscription confirmation carries under {@link RECOVERY_KEY}. */
export interface SubscriptionRecoveryMeta {
  /** Identity of the history the offsets belong to; a new epoch means old offsets mean nothing. */
  epoch: string
  /** Offset of the newest event published on the channel so far (0 when none). */
  offset: number
}

/** One event as the history route returns it. */
export interface HistoryEvent {
  offset: number
  event: string
  /** The data string: as published (HTTP API), or as recovery sockets received it (`/api/realtime/history`). */
  data: string
  sent_at: number
}

/** Answer of the history route. */
export interface HistoryPage {
  channel: string
  epoch: string
  /** Newest offset on the channel. */
  offset: number
  events: HistoryEvent[]
  /**
   * True when the events after the requested offset cannot all be given (older than the history,
   * or another epoch): the client must reload its snapshot instead of replaying.
   */
  gap: boolean
}
