// GET /apps/{id}/channels, /channels/{name}, /channels/{name}/users and /channels/{name}/events.
import type { AppState } from '../app-state'
import { channelKind, isValidChannelName } from '../channel-name'
import type { ApiRequest, ApiResult } from './api-request'
import { apiError } from './api-request'
import { channelAttributes, checkAttributesFor, parseInfo } from './channel-attributes'

/** Occupied channels, optionally filtered by prefix, with `info=user_count` for presence ones. */
export function listChannels(state: AppState, request: ApiRequest): ApiResult {
  const prefix = request.query.get('filter_by_prefix') ?? ''
  const info = parseInfo(request.query.get('info'))
  if ('error' in info) return apiError(400, `info: ${info.error}`)
  if (info.attributes.includes('user_count') && !prefix.startsWith('presence-')) {
    return apiError(400, 'info: user_count requires filter_by_prefix=presence-')
  }
  const channels: Record<string, unknown> = {}
  for (const channel of state.channels.all()) {
    if (channel.occupied && channel.name.startsWith(prefix)) channels[channel.name] = channelAttributes(state, channel.name, info.attributes)
  }
  return { status: 200, body: { channels } }
}

/** One channel's state; `occupied` always, other attributes on request. */
export function channelInfo(state: AppState, name: string, request: ApiRequest): ApiResult {
  if (!isValidChannelName(name)) return apiError(400, 'channel: invalid channel name')
  const info = parseInfo(request.query.get('info'))
  if ('error' in info) return apiError(400, `info: ${info.error}`)
  const problem = checkAttributesFor(name, info.attributes)
  if (problem) return apiError(400, `info: ${problem}`)
  const occupied = state.channels.find(name)?.occupied ?? false
  return { status: 200, body: { occupied, ...channelAttributes(state, name, info.attributes) } }
}

/** Members of a presence channel. */
export function channelUsers(state: AppState, name: string): ApiResult {
  if (!isValidChannelName(name) || channelKind(name) !== 'presence') return apiError(400, 'channel: users are only listed for presence channels')
  const ids = state.channels.find(name)?.presence?.ids() ?? []
  return { status: 200, body: { users: ids.map(id => ({ id })) } }
}

/** Lookout extension: the channel's kept events after `after` (see README, "Missed events"). */
export function channelEvents(state: AppState, name: string, request: ApiRequest): ApiResult {
  if (!isValidChannelName(name)) return apiError(400, 'channel: invalid channel name')
  const after = Number(request.query.get('after') ?? '0')
  if (!Number.isInteger(after) || after < 0) return apiError(400, 'after: must be a non-negative integer')
  return { status: 200, body: state.history.since(name, after, request.query.get('epoch') ?? undefined) }
}
