// What the header status bar shows: an honest, debounced view of the live connection.
import { useEcho } from './useEcho'

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

const now = shallowRef(Date.now())
let ticker: ReturnType<typeof setInterval> | null = null

/** Reactive status for the header bar, updated every second. */
export function useSystemStatus() {
  if (import.meta.client && !ticker) ticker = setInterval(() => { now.value = Date.now() }, 1000)
  const connection = useEcho()
  const state = computed(() => displayedState({
    downSince: connection.downSince.value, fallbackActive: connection.fallbackActive.value, fallbackOk: connection.fallbackOk.value, now: now.value,
  }))
  return {
    state,
    attempts: connection.attempts,
    lastError: connection.lastError,
    nextRetryInSeconds: computed(() => connection.nextRetryAt.value === null ? null : Math.max(0, Math.ceil((connection.nextRetryAt.value - now.value) / 1000))),
    secondsSinceLastMessage: computed(() => connection.lastMessageAt.value === null ? null : Math.max(0, Math.floor((now.value - connection.lastMessageAt.value) / 1000))),
    fallbackActive: connection.fallbackActive,
    confirmedChannels: connection.confirmedChannels,
    /** Set for a while after missed events could not be replayed and data was reloaded. */
    reloadedRecently: computed(() => connection.lastGapAt.value !== null && now.value - connection.lastGapAt.value < 30_000),
    now,
  }
}

/** True when `lastUpdate` is older than `expectedMs` (a stream that should have spoken by now). */
export function useStaleness(lastUpdate: Ref<number | null>, expectedMs: number) {
  const { now: clock } = useSystemStatus()
  return computed(() => lastUpdate.value !== null && clock.value - lastUpdate.value > expectedMs)
}
