// How a store follows its channels: every event with the same gap handler (reload the snapshot), the first
// load at once, a reload once every channel is ready, and one function that stops it all for the page.
import type { EventHandler } from './channel-registry'

/** One event a store listens to: channel, event name, handler. */
export type FollowedEvent = readonly [channel: string, event: string, handler: EventHandler]

export type Subscribe = (channel: string, event: string, handler: EventHandler, options: { componentTag: string, onGap?: () => void, onReady?: () => void }) => () => void

export interface FollowOptions {
  /** Who follows, for diagnostics. */
  componentTag: string
  /** Loads the snapshot again: called when missed events could not be replayed. */
  reload: () => void
  /** Whether `reload` also makes the first load now (default true). */
  loadNow?: boolean
}

/**
 * Subscribes to every event, reloads on gaps, loads once now, and loads again once the server confirmed every
 * channel: an event published between the first load's read and the confirmation reached no socket, so only a
 * load after the confirmation is sure to hold it. Channels already confirmed need no second load.
 * Returns the function that stops following.
 */
export function followEvents(subscribe: Subscribe, events: readonly FollowedEvent[], options: FollowOptions): () => void {
  let waiting = events.length
  let subscribing = true
  const onReady = () => {
    waiting -= 1
    if (waiting === 0 && !subscribing) options.reload()
  }
  const subscribeOptions = { componentTag: options.componentTag, onGap: options.reload, onReady }
  const stops = events.map(([channel, event, handler]) => subscribe(channel, event, handler, subscribeOptions))
  subscribing = false
  if (options.loadNow !== false) options.reload()
  return () => stops.forEach(stop => stop())
}
