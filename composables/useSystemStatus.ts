// What the header status bar shows: an honest, debounced view of the live connection.
import { displayedState } from '~/utils/realtime/displayed-state'
import { useEcho } from './useEcho'

const now = shallowRef(Date.now())
let ticker: ReturnType<typeof setInterval> | null = null

/** Reactive status for the header bar, updated every second. */
export function useSystemStatus() {
  if (import.meta.client && !ticker) ticker = setInterval(() => { now.value = Date.now() }, 1000)
  const connection = useEcho()
  const { t } = useNuxtApp().$i18n
  const state = computed(() => displayedState({
    socketUp: connection.state.value === 'connected', pendingChannels: connection.pendingChannels.value, wasLive: connection.wasLive.value,
    downSince: connection.downSince.value, fallbackActive: connection.fallbackActive.value, fallbackOk: connection.fallbackOk.value, now: now.value,
  }))
  return {
    state,
    attempts: connection.attempts,
    /** Why the connection is down, in the reader's language (useEcho keeps the message key). */
    lastError: computed(() => (connection.lastError.value === null ? null : t(connection.lastError.value))),
    nextRetryInSeconds: computed(() => connection.nextRetryAt.value === null ? null : Math.max(0, Math.ceil((connection.nextRetryAt.value - now.value) / 1000))),
    secondsSinceLastMessage: computed(() => connection.lastMessageAt.value === null ? null : Math.max(0, Math.floor((now.value - connection.lastMessageAt.value) / 1000))),
    fallbackActive: connection.fallbackActive,
    pollEverySeconds: computed(() => connection.pollEveryMs.value === null ? null : Math.round(connection.pollEveryMs.value / 1000)),
    confirmedChannels: connection.confirmedChannels,
    /** Set for a while after missed events could not be replayed and data was reloaded. */
    reloadedRecently: computed(() => connection.lastGapAt.value !== null && now.value - connection.lastGapAt.value < 30_000),
    /** True while what the page shows may be behind: the socket is down (debounced like the bar). */
    dataMayBeBehind: computed(() => state.value !== 'connected' && state.value !== 'connecting'),
    now,
  }
}

/** True when `lastUpdate` is older than `expectedMs` (a stream that should have spoken by now). */
export function useStaleness(lastUpdate: Ref<number | null>, expectedMs: number) {
  const { now: clock } = useSystemStatus()
  return computed(() => lastUpdate.value !== null && clock.value - lastUpdate.value > expectedMs)
}
