// What the status bar says for a moment in time: "Live" only when it is true, debounced, honest about polling and outages.

export type DisplayedState = 'connecting' | 'connected' | 'reconnecting' | 'polling' | 'offline'

/** A drop shorter than this is not shown, so the bar does not flicker. */
export const DEBOUNCE_MS = 2000
/** After this long down without working fallback, the bar says offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 15_000

export interface ConnectionFacts {
  /** The socket is connected now. */
  socketUp: boolean
  /** Channels of the page the server has not confirmed on this connection yet. */
  pendingChannels: number
  /** The page has been live at least once (the first connection is not a "drop"). */
  wasLive: boolean
  /** Since when the socket has been down (ms), null while it is up. */
  downSince: number | null
  fallbackActive: boolean
  /** Whether the last poll reached the server (null before the first). */
  fallbackOk: boolean | null
  now: number
}

/** The displayed state for a moment in time (pure, so it is unit-tested). */
export function displayedState(facts: ConnectionFacts): DisplayedState {
  if (facts.socketUp) return facts.pendingChannels === 0 ? 'connected' : 'connecting'
  const downFor = facts.downSince === null ? 0 : facts.now - facts.downSince
  if (facts.wasLive && downFor < DEBOUNCE_MS) return 'connected'
  if (facts.fallbackActive && facts.fallbackOk === true) return 'polling'
  if (!facts.wasLive && downFor < OFFLINE_AFTER_MS) return 'connecting'
  if (downFor < OFFLINE_AFTER_MS) return 'reconnecting'
  return 'offline'
}
