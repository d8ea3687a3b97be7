// What an auth endpoint answers once the app has decided a socket may join a channel or sign in.
import { createHash } from 'node:crypto'
import type { RealtimeApp } from './app-config'
import { channelKind } from './channel-name'
import { signChannelAuth, signUserAuth } from './signature'

export interface ChannelAuthResponse {
  auth: string
  channel_data?: string
  shared_secret?: string
}

/** A presence member: the user id and what other members see of them. */
export interface PresenceMember {
  user_id: string
  user_info: Record<string, unknown>
}

/** Signs a subscription; adds `channel_data` for presence and `shared_secret` for encrypted channels. */
export function channelAuthResponse(app: RealtimeApp, socketId: string, channel: string, member: PresenceMember): ChannelAuthResponse {
  const kind = channelKind(channel)
  if (kind === 'presence') {
    const channelData = JSON.stringify(member)
    return { auth: signChannelAuth(app.key, app.secret, socketId, channel, channelData), channel_data: channelData }
  }
  const response: ChannelAuthResponse = { auth: signChannelAuth(app.key, app.secret, socketId, channel) }
  if (kind === 'encrypted') response.shared_secret = sharedSecret(app.encryptionMasterKey, channel).toString('base64')
  return response
}

/** Signs `pusher:signin` user data. */
export function userAuthResponse(app: RealtimeApp, socketId: string, user: { id: string, user_info?: Record<string, unknown> }): { auth: string, user_data: string } {
  const userData = JSON.stringify(user)
  return { auth: signUserAuth(app.key, app.secret, socketId, userData), user_data: userData }
}

/** Per-channel key of an encrypted channel, derived as Pusher's SDKs derive it. */
export function sharedSecret(masterKey: Buffer, channel: string): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from(channel), masterKey])).digest()
}
