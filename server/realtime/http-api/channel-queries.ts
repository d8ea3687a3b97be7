// GET /apps/{id}/channels, /channels/{name}, /channels/{name}/users and /channels/{name}/events.
import type { AppState } from '../app-state'
import { channelKind, isValidChannelName } from '../channel-name'
import type { ApiRequest, ApiResult } from './api-request'
import { apiError } from './api-request'
import { channelAttributes, checkAttributesFor, parseInfo } from './channel-attributes'

/** Occupied channels, optionally filtered by prefix, with `info=user_count` for presence ones. */
export async function listChannels(state: AppState, request: ApiRequest): Promise<ApiResult> {
  const prefix = request.query.get('filter_by_prefix') ?? ''
  const info = parseInfo(request.query.get('info'))
  if ('error' in info) return apiError(400, `info: ${info.error}`)
  if (info.attributes.includes('user_count') && !prefix.startsWith('presence-')) {
    return apiError(400, 'info: user_count requires filter_by_prefix=presence-')
  }
  const channels: Record<string, unknown> = {}
  const occupancy = await state.broker.occupancy()
  for (const [name, subscriptions] of occupancy.subscriptions) {
    if (subscriptions > 0 && name.startsWith(prefix)) channels[name] = await channelAttributes(state, name, info.attributes, occupancy)
  }
  return { status: 200, body: { channels } }
}

/** One channel's state; `occupied` always, other attributes on request. */
export async function channelInfo(state: AppState, name: string, request: ApiRequest): Promise<ApiResult> {
  if (!isValidChannelName(name)) return apiError(400, 'channel: invalid channel name')
  const info = parseInfo(request.query.get('info'))
  if ('error' in info) return apiError(400, `info: ${info.error}`)
  const problem = checkAttributesFor(name, info.attributes)
  if (problem) return apiError(400, `info: ${problem}`)
  const occupancy = await state.broker.occupancy()
  const occupied = (occupancy.subscriptions.get(name) ?? 0) > 0
  return { status: 200, body: { occupied, ...await channelAttributes(state, name, info.attributes, occupancy) } }
}

/** Members of a presence channel. */
export async function channelUsers(state: AppState, name: string): Promise<ApiResult> {
  if (!isValidChannelName(name) || channelKind(name) !== 'presence') return apiError(400, 'channel: users are only listed for presence channels')
  const ids = await (await state.broker.occupancy()).members(name)
  return { status: 200, body: { users: ids.map(id => ({ id })) } }
}

/** Lookout extension: the channel's kept events after `after` (see README, "Missed events"). */
export async function channelEvents(state: AppState, name: string, request: ApiRequest): Promise<ApiResult> {
  if (!isValidChannelName(name)) return apiError(400, 'channel: invalid channel name')
  const after = Number(request.query.get('after') ?? '0')
  if (!Number.isInteger(after) || after < 0) return apiError(400, 'after: must be a non-negative integer')
  try {
    return { status: 200, body: await state.broker.history(name, after, request.query.get('epoch') ?? undefined) }
  }
  catch {
    return apiError(503, 'history: unavailable while Redis is down')
  }
}
