// Subscribing and unsubscribing sockets, with channel auth, presence members and cache replay.
import { RECOVERY_KEY } from '../../shared/realtime-protocol'
import type { AppState } from './app-state'
import { channelKind, isCacheChannel, isValidChannelName, requiresAuth, USER_CHANNEL_PREFIX } from './channel-name'
import type { Connection } from './connection'
import { errorFrame, serverFrame } from './frames'
import type { FanoutContext } from './local-delivery'
import { verifyChannelAuth } from './signature'

interface SubscribeData {
  channel?: unknown
  auth?: unknown
  channel_data?: unknown
}

/** Handles `pusher:subscribe`; refusals are `pusher:subscription_error`, never a closed socket. */
export function subscribe(ctx: FanoutContext, state: AppState, connection: Connection, data: unknown): void {
  const { channel: name, auth, channel_data: channelData } = (typeof data === 'object' && data !== null ? data : {}) as SubscribeData
  if (!isValidChannelName(name)) {
    ctx.metrics.error(null)
    connection.send(errorFrame(null, 'Invalid channel name'))
    return
  }
  const refuse = (status: number, type: string, error: string) => {
    ctx.metrics.error(4009)
    connection.send(serverFrame('pusher:subscription_error', { type, error, status }, name))
  }
  if (connection.channels.has(name)) {
    connection.send(succeededFrame(state, connection, name, null))
    return
  }
  if (connection.channels.size >= state.app.maxChannelsPerConnection) {
    return refuse(400, 'LimitReached', `At most ${state.app.maxChannelsPerConnection} channels per connection`)
  }
  const signedData = typeof channelData === 'string' ? channelData : undefined
  const kind = channelKind(name)
  if (kind === 'user') {
    // Only the socket signed in as that user may listen to what is sent to the user.
    if (connection.user?.id !== name.slice(USER_CHANNEL_PREFIX.length)) return refuse(403, 'AuthError', 'Sign in as this user first')
  }
  else if (requiresAuth(name)) {
    if (kind === 'presence' && signedData === undefined) return refuse(400, 'AuthError', 'channel_data is required on presence channels')
    const ok = verifyChannelAuth(state.app.key, state.app.secret, auth, connection.socketId, name, kind === 'presence' ? signedData : undefined)
    if (!ok) return refuse(401, 'AuthError', 'Invalid signature')
  }
  const member = kind === 'presence' ? parseMember(signedData) : null
  if (kind === 'presence' && !member) return refuse(400, 'AuthError', 'channel_data must be JSON with a user_id')
  const channel = state.channels.obtain(name)
  if (channel.presence && member) {
    connection.joinPresence(name, member.userId)
    const firstHere = channel.presence.add(member.userId, member.info)
    state.broker.joined(name, member.userId, member.info, connection.socketId, firstHere)
  }
  channel.subscribers.add(connection)
  connection.channels.add(name)
  ctx.metrics.subscriptions.inc()
  state.broker.subscribed(name, 1)
  state.activity.emit({ name: 'subscription_count', channel: name })
  connection.send(succeededFrame(state, connection, name, member))
  if (isCacheChannel(name)) replayCache(state, connection, name)
}

/** Handles `pusher:unsubscribe` and the channels of a closing socket. */
export function unsubscribe(ctx: FanoutContext, state: AppState, connection: Connection, name: string): void {
  if (!connection.channels.delete(name)) return
  ctx.metrics.subscriptions.dec()
  const channel = state.channels.find(name)
  if (!channel) return
  channel.subscribers.delete(connection)
  const userId = connection.presenceUserIds.get(name)
  if (channel.presence && userId !== undefined) {
    connection.leavePresence(name)
    state.broker.left(name, userId, channel.presence.remove(userId))
  }
  state.channels.releaseIfEmpty(channel)
  state.broker.subscribed(name, -1)
  state.activity.emit({ name: 'subscription_count', channel: name })
}

/**
 * Confirms a subscription as Reverb does (`{}`, or the presence members), adding the stream position
 * only for sockets that asked for offsets.
 */
function succeededFrame(state: AppState, connection: Connection, name: string, joining: { userId: string, info: unknown } | null): string {
  const presence = state.channels.find(name)?.presence
  const members = presence && state.broker.members(name, joining ?? undefined)
  const data: Record<string, unknown> = members ? { presence: { count: members.count, ids: members.ids, hash: members.hash } } : {}
  if (connection.wantsRecovery) data[RECOVERY_KEY] = state.broker.position(name)
  return serverFrame('pusher_internal:subscription_succeeded', data, name)
}

function replayCache(state: AppState, connection: Connection, name: string): void {
  const cached = state.broker.cached(name)
  if (!cached) state.activity.emit({ name: 'cache_miss', channel: name })
  connection.send(cached ? serverFrame(cached.event, cached.data, name) : JSON.stringify({ event: 'pusher:cache_miss', channel: name }))
}

function parseMember(channelData: string | undefined): { userId: string, info: unknown } | null {
  try {
    const parsed = JSON.parse(channelData ?? '') as { user_id?: unknown, user_info?: unknown }
    const id = parsed.user_id
    if ((typeof id !== 'string' || id === '') && typeof id !== 'number') return null
    return { userId: String(id), info: parsed.user_info ?? null }
  }
  catch {
    return null
  }
}
