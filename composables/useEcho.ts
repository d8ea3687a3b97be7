// The one owner of the Echo instance: connection state, reconnects with backoff, fallback polling,
// recovery of missed events and the browser's connection metrics all hang off it.
import Echo from 'laravel-echo'
import Pusher from 'pusher-js'
import { RECOVERY_PATH } from '#shared/realtime-protocol'
import type { HistoryPage } from '#shared/realtime-protocol'
import { ChannelRegistry } from '~/utils/realtime/channel-registry'
import type { PusherLike } from '~/utils/realtime/channel-registry'
import { FallbackPoller } from '~/utils/realtime/fallback-poller'
import { subscriptionMeta } from '~/utils/realtime/offset-tracker'
import { ReconnectScheduler } from '~/utils/realtime/reconnect-scheduler'
import { ConnectionMetricsBuffer } from '~/utils/realtime/connection-metrics-buffer'
import { connectionErrorKey } from '~/utils/realtime/connection-error'
import type { PusherErrorEvent } from '~/utils/realtime/connection-error'
import { HealthProbe } from '~/utils/realtime/health-probe'
import { xsrfToken } from '~/utils/xsrf-token'

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unavailable' | 'failed'

interface RealtimeConfig {
  key: string
  host: string | null
  port: number | null
  scheme: 'http' | 'https' | null
}

/** Seconds the socket may be down before the same streams are polled over HTTP. */
const FALLBACK_AFTER_MS = 3000

const state = shallowRef<ConnectionState>('connecting')
const attempts = shallowRef(0)
/** The message key (status.error.*) of the last connection error; useSystemStatus words it in the reader's language. */
const lastError = shallowRef<string | null>(null)
const nextRetryAt = shallowRef<number | null>(null)
const lastMessageAt = shallowRef<number | null>(null)
const downSince = shallowRef<number | null>(Date.now())
const fallbackActive = shallowRef(false)
const fallbackOk = shallowRef<boolean | null>(null)
const lastGapAt = shallowRef<number | null>(null)
/** Channels the server confirmed on the current connection (diagnostics, and tests waiting for readiness). */
const confirmedChannels = shallowRef(0)
/** Channels of the page the server has not answered on the current connection: not live until 0. */
const pendingChannels = shallowRef(0)
/** The page has been live at least once since it loaded. */
const wasLive = shallowRef(false)
/** Milliseconds between fallback polls now (null while not polling). */
const pollEveryMs = shallowRef<number | null>(null)

/** What this browser measured about its connection since the last report (see the echo plugin). */
export const connectionMetrics = new ConnectionMetricsBuffer()

/** The channels in use; components reach it through useWebSocket. */
export const channelRegistry = new ChannelRegistry({
  fetchHistory: (channel, after, epoch) => $fetch<HistoryPage>('/api/realtime/history', { query: { channel, after, epoch } }),
  onDelivered: ms => connectionMetrics.latency(ms),
  onRecovery: (_channel, outcome) => {
    connectionMetrics.recovery(outcome)
    if (outcome === 'gap') lastGapAt.value = Date.now()
  },
  onPendingChange: () => { pendingChannels.value = channelRegistry.pendingCount() },
})

const poller = new FallbackPoller(() => channelRegistry.poll(), () => {
  fallbackActive.value = poller.active
  fallbackOk.value = poller.lastPollOk
  pollEveryMs.value = poller.active ? poller.intervalMs : null
})

/** A restarted server answers its health route before anything else: reconnect then, not at the next backoff step. */
const probe = new HealthProbe(
  () => fetch('/api/health', { cache: 'no-store' }).then(answer => answer.ok),
  () => retryNow(),
)

let echo: Echo<'reverb'> | null = null
let pusher: Pusher | null = null
let scheduler: ReconnectScheduler | null = null
let fallbackTimer: ReturnType<typeof setTimeout> | null = null
let takingOver = false

function setState(next: ConnectionState): void {
  if (state.value === next) return
  if (next === 'connected') {
    downSince.value = null
    if (fallbackTimer) clearTimeout(fallbackTimer)
    fallbackTimer = null
    connectionMetrics.fallback(poller.stop())
    probe.stop()
    lastError.value = null
    wasLive.value = true
  }
  else {
    if (state.value === 'connected' || downSince.value === null) downSince.value = Date.now()
    channelRegistry.disconnected()
    whileDown()
  }
  state.value = next
}

/** The socket is not connected: poll over HTTP after a short grace, and watch for the server coming back. */
function whileDown(): void {
  if (!fallbackTimer && !poller.active) fallbackTimer = setTimeout(() => poller.start(), FALLBACK_AFTER_MS)
  probe.start()
}

/** pusher-js gave up on its own: stop it and retry on our backoff, one attempt at a time. */
function takeOver(): void {
  takingOver = true
  pusher?.disconnect()
  takingOver = false
  scheduler?.scheduleNext()
  nextRetryAt.value = scheduler?.nextAttemptAt ?? null
}

function wire(instance: Pusher): void {
  instance.connection.bind('state_change', ({ current }: { current: string }) => {
    if (current !== 'connected') confirmedChannels.value = 0
    if (current === 'connected') {
      if (attempts.value > 0) connectionMetrics.reconnect()
      scheduler?.reset()
      attempts.value = 0
      nextRetryAt.value = null
      setState('connected')
    }
    else if (current === 'connecting') setState('connecting')
    else if (current === 'unavailable' || current === 'failed') {
      setState(current)
      takeOver()
    }
    else if (current === 'disconnected' && !takingOver) {
      setState('disconnected')
      takeOver()
    }
  })
  instance.connection.bind('error', (error: PusherErrorEvent) => {
    lastError.value = connectionErrorKey(error)
    connectionMetrics.error()
  })
  instance.connection.bind('message', (message: { event: string, channel?: string, data: unknown }) => {
    lastMessageAt.value = Date.now()
    if (message.event !== 'pusher_internal:subscription_succeeded' || !message.channel) return
    confirmedChannels.value += 1
    void channelRegistry.subscribed(message.channel, subscriptionMeta(message.data))
  })
}

/** Creates (or with `forceReinit`, recreates) the Echo instance; browser only. */
export async function initEcho(forceReinit = false): Promise<Echo<'reverb'>> {
  if (echo && !forceReinit) return echo
  echo?.disconnect()
  const config = await $fetch<RealtimeConfig>('/api/realtime/config')
  const secure = (config.scheme ?? location.protocol.replace(':', '')) === 'https'
  const port = config.port ?? (Number(location.port) || (secure ? 443 : 80))
  echo = new Echo({
    broadcaster: 'reverb',
    key: config.key,
    wsHost: config.host ?? location.hostname,
    wsPort: port,
    wssPort: port,
    forceTLS: secure,
    enabledTransports: ['ws', 'wss'],
    // The recovery path: this socket's events carry offsets, so the pages can catch up after a drop.
    wsPath: RECOVERY_PATH,
    Pusher,
    unavailableTimeout: 5000,
    authorizer: (channel: { name: string }) => ({
      authorize: (socketId: string, callback: (error: Error | null, data: unknown) => void) => {
        $fetch('/broadcasting/auth', { method: 'POST', body: { socket_id: socketId, channel_name: channel.name }, headers: { 'x-xsrf-token': xsrfToken() } })
          .then(data => callback(null, data), (error: Error) => callback(error, null))
      },
    }),
    // Every connection signs in, so the server knows whose socket it is (disable and logout close it).
    userAuthentication: {
      endpoint: '/broadcasting/user-auth',
      headers: {},
      transport: 'ajax',
      customHandler: ({ socketId }: { socketId: string }, callback: (error: Error | null, data: { auth: string, user_data: string } | null) => void) => {
        $fetch<{ auth: string, user_data: string }>('/broadcasting/user-auth', { method: 'POST', body: { socket_id: socketId }, headers: { 'x-xsrf-token': xsrfToken() } })
          .then(data => callback(null, data), (error: Error) => callback(error, null))
      },
    },
  } as ConstructorParameters<typeof Echo<'reverb'>>[0])
  pusher = (echo.connector as unknown as { pusher: Pusher }).pusher
  pusher.signin()
  scheduler = new ReconnectScheduler(() => {
    attempts.value = scheduler!.attempts
    nextRetryAt.value = null
    setState('connecting')
    pusher?.connect()
  })
  wire(pusher)
  channelRegistry.attach(pusher as unknown as PusherLike)
  // A socket that never connects (a proxy without upgrade) gets no state change to start the fallback from.
  if (state.value !== 'connected') whileDown()
  return echo
}

/** Reconnects at once (the bar's "Retry now", a server that answers its health probe again). */
export function retryNow(): void {
  if (state.value === 'connected' || !scheduler) return
  // pusher-js may be in its own retry cycle, which ignores connect(): end it, then attempt on our terms.
  takingOver = true
  pusher?.disconnect()
  takingOver = false
  scheduler.now()
}

/** Reconnects at once when the browser comes back online or the tab becomes visible. */
export function reconnectNowIfDown(): void {
  if (state.value !== 'connected' && state.value !== 'connecting') scheduler?.now()
}

/** Read-only reactive view of the connection, for useSystemStatus and diagnostics. */
export function useEcho() {
  return {
    state: readonly(state), attempts: readonly(attempts), lastError: readonly(lastError), nextRetryAt: readonly(nextRetryAt),
    lastMessageAt: readonly(lastMessageAt), downSince: readonly(downSince), fallbackActive: readonly(fallbackActive),
    fallbackOk: readonly(fallbackOk), lastGapAt: readonly(lastGapAt), confirmedChannels: readonly(confirmedChannels),
    pendingChannels: readonly(pendingChannels), wasLive: readonly(wasLive), pollEveryMs: readonly(pollEveryMs),
  }
}
