// What the status bar says for a moment in time: debounced, and honest about polling and outages.

export type DisplayedState = 'connected' | 'reconnecting' | 'polling' | 'offline'

/** A drop shorter than this is not shown, so the bar does not flicker. */
export const DEBOUNCE_MS = 2000
/** After this long down without working fallback, the bar says offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 15_000

/** The displayed state for a moment in time (pure, so it is unit-tested). */
export function displayedState(input: { downSince: number | null, fallbackActive: boolean, fallbackOk: boolean | null, now: number }): DisplayedState {
  if (input.downSince === null || input.now - input.downSince < DEBOUNCE_MS) return 'connected'
  if (input.fallbackActive && input.fallbackOk === true) return 'polling'
  if (input.now - input.downSince < OFFLINE_AFTER_MS) return 'reconnecting'
  return 'offline'
}
