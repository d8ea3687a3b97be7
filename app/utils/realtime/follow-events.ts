// How a store follows its channels: every event with the same gap handler (reload the snapshot), the first
// load at once, and one function that stops it all for the page that started it.
import type { EventHandler } from './channel-registry'

/** One event a store listens to: channel, event name, handler. */
export type FollowedEvent = readonly [channel: string, event: string, handler: EventHandler]

export type Subscribe = (channel: string, event: string, handler: EventHandler, options: { componentTag: string, onGap?: () => void }) => () => void

export interface FollowOptions {
  /** Who follows, for diagnostics. */
  componentTag: string
  /** Loads the snapshot again: called when missed events could not be replayed. */
  reload: () => void
  /** Whether `reload` also makes the first load now (default true). */
  loadNow?: boolean
}

/** Subscribes to every event, reloads on gaps (and once now); returns the function that stops following. */
export function followEvents(subscribe: Subscribe, events: readonly FollowedEvent[], options: FollowOptions): () => void {
  const subscribeOptions = { componentTag: options.componentTag, onGap: options.reload }
  const stops = events.map(([channel, event, handler]) => subscribe(channel, event, handler, subscribeOptions))
  if (options.loadNow !== false) options.reload()
  return () => stops.forEach(stop => stop())
}
