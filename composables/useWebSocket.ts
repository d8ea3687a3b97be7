// How components listen to channels: reference-counted, left automatically when the component goes,
// restored and caught up after reconnects (see channelRegistry in useEcho).
import { getCurrentScope, onScopeDispose } from 'vue'
import type { EventHandler } from '~/utils/realtime/channel-registry'
import type { FollowedEvent, FollowOptions } from '~/utils/realtime/follow-events'
import { followEvents } from '~/utils/realtime/follow-events'
import { channelRegistry } from './useEcho'

export interface SubscribeOptions {
  /** Who subscribes, for diagnostics (e.g. the component's name). */
  componentTag: string
  /** Called when missed events could not be replayed: reload the snapshot from REST. */
  onGap?: () => void
  /** Called once when the channel is ready (the server confirmed it): a snapshot loaded now misses nothing. */
  onReady?: () => void
}

/** Subscribe through this, never through Echo.channel directly. */
export function useWebSocket() {
  /** Listens to `event` on `channel`; stops automatically with the calling component (or scope). */
  function subscribe(channel: string, event: string, handler: EventHandler, options: SubscribeOptions): () => void {
    if (import.meta.server) return () => {}
    const stop = channelRegistry.subscribe(channel, event, handler, { tag: options.componentTag, onGap: options.onGap, onReady: options.onReady })
    if (getCurrentScope()) onScopeDispose(stop)
    return stop
  }

  /** How stores follow their channels: load now, again once confirmed, and on gaps; returns the function that stops them all. */
  function follow(events: readonly FollowedEvent[], options: FollowOptions): () => void {
    return followEvents(subscribe, events, options)
  }

  return { subscribe, follow, diagnostics: () => channelRegistry.diagnostics() }
}
