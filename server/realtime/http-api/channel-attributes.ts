// The `info` attributes of a channel (occupied, user_count, subscription_count, cache).
import type { AppState } from '../app-state'
import { channelKind } from '../channel-name'
import type { Occupancy } from '../broker'

export type ChannelAttribute = 'user_count' | 'subscription_count' | 'cache'

/** Parses `info=a,b`; unknown attributes are an error naming them. */
export function parseInfo(info: string | null | undefined): { attributes: ChannelAttribute[] } | { error: string } {
  const known: ChannelAttribute[] = ['user_count', 'subscription_count', 'cache']
  const wanted = (info ?? '').split(',').map(item => item.trim()).filter(Boolean)
  const unknown = wanted.filter(item => !known.includes(item as ChannelAttribute))
  if (unknown.length > 0) return { error: `Unknown info attribute: ${unknown.join(', ')}` }
  return { attributes: wanted as ChannelAttribute[] }
}

/** `user_count` only exists for presence channels. */
export function checkAttributesFor(channel: string, attributes: ChannelAttribute[]): string | null {
  if (attributes.includes('user_count') && channelKind(channel) !== 'presence') {
    return 'user_count is only available for presence channels'
  }
  return null
}

/** The requested attributes of one channel. */
export async function channelAttributes(state: AppState, name: string, attributes: ChannelAttribute[], occupancy: Occupancy): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {}
  if (attributes.includes('user_count')) result.user_count = (await occupancy.members(name)).length
  if (attributes.includes('subscription_count')) result.subscription_count = occupancy.subscriptions.get(name) ?? 0
  if (attributes.includes('cache')) {
    const cached = state.broker.cached(name)
    if (cached) result.cache = { data: cached.data, ttl: cached.ttl }
  }
  return result
}
