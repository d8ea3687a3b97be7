// Channel naming rules of the Pusher protocol: types by prefix, allowed characters, length.

export type ChannelKind = 'public' | 'private' | 'presence' | 'encrypted' | 'user'

export const MAX_CHANNEL_NAME_LENGTH = 164
const VALID_NAME = /^#?[A-Za-z0-9_\-=@,.;]+$/
/** Channel of one signed-in user (`pusher:signin`), which the SDKs' `sendToUser` publishes to. */
export const USER_CHANNEL_PREFIX = '#server-to-user-'

/** True when `name` is a syntactically valid channel name ('#' only for user channels). */
export function isValidChannelName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_CHANNEL_NAME_LENGTH || !VALID_NAME.test(name)) return false
  return !name.startsWith('#') || (name.startsWith(USER_CHANNEL_PREFIX) && name.length > USER_CHANNEL_PREFIX.length)
}

/** The kind of a channel, which decides how it is authorised. */
export function channelKind(name: string): ChannelKind {
  if (name.startsWith(USER_CHANNEL_PREFIX)) return 'user'
  if (name.startsWith('private-encrypted-')) return 'encrypted'
  if (name.startsWith('private-')) return 'private'
  if (name.startsWith('presence-')) return 'presence'
  return 'public'
}

/** Whether a channel needs a signed subscription. */
export function requiresAuth(name: string): boolean {
  return channelKind(name) !== 'public'
}

/** Whether the last event of the channel is kept and replayed to new subscribers. */
export function isCacheChannel(name: string): boolean {
  return /^(private-encrypted-|private-|presence-)?cache-/.test(name)
}

/** Client events are allowed on private and presence channels only (never encrypted ones). */
export function allowsClientEvents(name: string): boolean {
  const kind = channelKind(name)
  return kind === 'private' || kind === 'presence'
}
