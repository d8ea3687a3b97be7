// Publishing: the payload is inspected once, then the app's broker numbers, stores and delivers it.
import type { AppState } from './app-state'
import type { FanoutContext } from './local-delivery'
import { encodePayload } from './recovery-meta'

export interface PublishRequest {
  channels: string[]
  event: string
  /** A string is sent as given (HTTP API); anything else is JSON-encoded once. */
  data: unknown
  /** The publisher's own socket, which does not receive the event (Pusher's `socket_id`). */
  exceptSocketId?: string
  source: 'api' | 'domain'
}

/** Publishes an event to channels of an app (history, cache and delivery on every node are the broker's). */
export function publish(ctx: FanoutContext, state: AppState, request: PublishRequest, now: number = Date.now()): Promise<void> {
  const { raw, shape } = encodePayload(request.data)
  ctx.metrics.eventsPublished.inc({ source: request.source }, request.channels.length)
  return state.broker.publish({ channels: request.channels, event: request.event, payload: raw, shape, except: request.exceptSocketId ?? '' }, now)
}
