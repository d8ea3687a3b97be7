// Dispatches one frame from a client: ping/pong, subscribe, unsubscribe, signin, client events.
import type { AppState } from './app-state'
import { allowsClientEvents } from './channel-name'
import type { Connection } from './connection'
import { errorFrame, parseClientFrame, serverFrame } from './frames'
import { ErrorCode } from './protocol-errors'
import type { FanoutContext } from './local-delivery'
import { verifyUserAuth } from './signature'
import { subscribe, unsubscribe } from './subscriptions'

const PONG = serverFrame('pusher:pong', {})

/** Handles a text frame; bad frames are answered with `pusher:error` and the socket lives on. */
export function handleClientMessage(ctx: FanoutContext, state: AppState, connection: Connection, text: string): void {
  connection.touch()
  const parsed = parseClientFrame(text)
  if (!parsed.ok) return reject(ctx, connection, null, parsed.error)
  const { event, channel, data } = parsed.frame
  switch (event) {
    case 'pusher:ping':
      connection.send(PONG)
      return
    case 'pusher:pong':
      return
    case 'pusher:subscribe':
      return subscribe(ctx, state, connection, data)
    case 'pusher:unsubscribe': {
      const name = (data as { channel?: unknown } | null)?.channel
      if (typeof name === 'string') unsubscribe(ctx, state, connection, name)
      return
    }
    case 'pusher:signin':
      return signin(ctx, state, connection, data)
  }
  if (event.startsWith('client-')) return clientEvent(ctx, state, connection, event, channel, data)
  reject(ctx, connection, null, `Unknown event "${event.slice(0, 64)}"`)
}

function reject(ctx: FanoutContext, connection: Connection, code: number | null, message: string): void {
  ctx.metrics.error(code)
  connection.send(errorFrame(code, message))
}

/** `pusher:signin`: a failed signature closes the socket with 4009, as Pusher does. */
function signin(ctx: FanoutContext, state: AppState, connection: Connection, data: unknown): void {
  const { auth, user_data: userData } = (data ?? {}) as { auth?: unknown, user_data?: unknown }
  let user: { id?: unknown, user_info?: unknown } | null = null
  if (typeof userData === 'string' && verifyUserAuth(state.app.key, state.app.secret, auth, connection.socketId, userData)) {
    try {
      user = JSON.parse(userData) as { id?: unknown }
    }
    catch {
      user = null
    }
  }
  if (!user || (typeof user.id !== 'string' && typeof user.id !== 'number') || String(user.id) === '') {
    ctx.metrics.error(ErrorCode.Unauthorized)
    connection.send(errorFrame(ErrorCode.Unauthorized, 'Invalid signin'))
    connection.close(ErrorCode.Unauthorized, 'Invalid signin')
    return
  }
  connection.user = { id: String(user.id), info: user.user_info }
  connection.send(serverFrame('pusher:signin_success', { user_data: userData }))
}

/** `client-*` events: subscribed private/presence channels only, rate limited, never echoed. */
function clientEvent(ctx: FanoutContext, state: AppState, connection: Connection, event: string, name: string | undefined, data: unknown): void {
  if (!name || !allowsClientEvents(name)) return reject(ctx, connection, ErrorCode.Unauthorized, 'Client events are only allowed on private and presence channels')
  if (!connection.channels.has(name)) return reject(ctx, connection, ErrorCode.Unauthorized, `Not subscribed to ${name}`)
  if (state.clientEventRule?.(name, connection.bindings.map(binding => binding.role)) === false) {
    return reject(ctx, connection, ErrorCode.Unauthorized, `Client events are not allowed on ${name}`)
  }
  if (!connection.allowClientEvent()) return reject(ctx, connection, ErrorCode.ClientEventRateLimit, 'Client event rate limit exceeded')
  const payload = encodeData(data)
  if (payload === null) return reject(ctx, connection, null, 'Client event data is nested too deeply')
  if (Buffer.byteLength(payload) > state.app.maxMessageSize) return reject(ctx, connection, null, `Client event data is over ${state.app.maxMessageSize} bytes`)
  const userId = connection.presenceUserIds.get(name)
  state.broker.clientEvent(name, event, payload, connection.socketId, userId)
  if (state.activity.listened) state.activity.emit({ name: 'client_event', channel: name, event, data: payload, socketId: connection.socketId, ...(userId === undefined ? {} : { userId }) })
}

/** Client event data as a JSON string, or null when it is nested too deeply for JSON.stringify (which then throws). */
function encodeData(data: unknown): string | null {
  if (typeof data === 'string') return data
  try {
    return JSON.stringify(data ?? null)
  }
  catch {
    return null
  }
}
