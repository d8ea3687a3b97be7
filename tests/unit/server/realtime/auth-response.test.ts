import { randomBytes } from 'node:crypto'
import Pusher from 'pusher'
import { describe, expect, it } from 'vitest'
import type { RealtimeApp } from '../../../../server/realtime/app-config'
import { loadEngineConfig } from '../../../../server/realtime/app-config'
import { channelAuthResponse, sharedSecret, userAuthResponse } from '../../../../server/realtime/auth-response'
import { verifyChannelAuth, verifyUserAuth } from '../../../../server/realtime/signature'

const MASTER_KEY = randomBytes(32).toString('base64')
const ENV = {
  REVERB_APP_ID: 'app-id',
  REVERB_APP_KEY: 'app-key',
  REVERB_APP_SECRET: 'app-secret',
  LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: MASTER_KEY,
}
const app: RealtimeApp = loadEngineConfig(ENV).apps[0]!
const SOCKET = '123.456'
const MEMBER = { user_id: '7', user_info: { id: 7, name: 'Greenfield viewer', role: 'viewer' } }

const sdk = new Pusher({ appId: ENV.REVERB_APP_ID, key: ENV.REVERB_APP_KEY, secret: ENV.REVERB_APP_SECRET, host: '127.0.0.1', encryptionMasterKeyBase64: MASTER_KEY })

describe('channelAuthResponse', () => {
  it('signs a private channel so the engine accepts it, with nothing else attached', () => {
    const response = channelAuthResponse(app, SOCKET, 'private-zone.1', MEMBER)
    expect(Object.keys(response)).toEqual(['auth'])
    expect(response.auth.startsWith(`${app.key}:`)).toBe(true)
    expect(verifyChannelAuth(app.key, app.secret, response.auth, SOCKET, 'private-zone.1')).toBe(true)
  })

  it('signs for one socket and one channel only', () => {
    const { auth } = channelAuthResponse(app, SOCKET, 'private-zone.1', MEMBER)
    expect(verifyChannelAuth(app.key, app.secret, auth, '999.111', 'private-zone.1')).toBe(false)
    expect(verifyChannelAuth(app.key, app.secret, auth, SOCKET, 'private-zone.2')).toBe(false)
    expect(verifyChannelAuth(app.key, 'another-secret', auth, SOCKET, 'private-zone.1')).toBe(false)
  })

  it('signs a private channel exactly as the pusher SDK does', () => {
    expect(channelAuthResponse(app, SOCKET, 'private-tenant.1.alerts', MEMBER)).toEqual(sdk.authorizeChannel(SOCKET, 'private-tenant.1.alerts'))
  })

  it('adds the member as channel_data on a presence channel and signs it with the data', () => {
    const response = channelAuthResponse(app, SOCKET, 'presence-zone.1', MEMBER)
    expect(response.channel_data).toBe(JSON.stringify(MEMBER))
    expect(JSON.parse(response.channel_data!)).toEqual(MEMBER)
    expect(response.shared_secret).toBeUndefined()
    expect(verifyChannelAuth(app.key, app.secret, response.auth, SOCKET, 'presence-zone.1', response.channel_data)).toBe(true)
    expect(verifyChannelAuth(app.key, app.secret, response.auth, SOCKET, 'presence-zone.1')).toBe(false)
    const forged = JSON.stringify({ ...MEMBER, user_id: '1' })
    expect(verifyChannelAuth(app.key, app.secret, response.auth, SOCKET, 'presence-zone.1', forged)).toBe(false)
  })

  it('answers a presence channel exactly as the pusher SDK does', () => {
    expect(channelAuthResponse(app, SOCKET, 'presence-zone.3', MEMBER)).toEqual(sdk.authorizeChannel(SOCKET, 'presence-zone.3', MEMBER))
  })

  it('signs an encrypted channel and adds a 32-byte base64 shared_secret', () => {
    const channel = 'private-encrypted-zone.1'
    const response = channelAuthResponse(app, SOCKET, channel, MEMBER)
    expect(response.channel_data).toBeUndefined()
    expect(verifyChannelAuth(app.key, app.secret, response.auth, SOCKET, channel)).toBe(true)
    expect(Buffer.from(response.shared_secret!, 'base64')).toHaveLength(32)
  })

  it('gives an encrypted channel the shared_secret the pusher SDK computes from the same master key', () => {
    for (const channel of ['private-encrypted-zone.1', 'private-encrypted-tenant.2.alerts', 'private-encrypted-user.5']) {
      const expected = sdk.authorizeChannel(SOCKET, channel)
      const response = channelAuthResponse(app, SOCKET, channel, MEMBER)
      expect(response.shared_secret).toBe(expected.shared_secret)
      expect(response).toEqual(expected)
    }
  })

  it('derives a different shared secret per channel and per master key', () => {
    const one = channelAuthResponse(app, SOCKET, 'private-encrypted-zone.1', MEMBER).shared_secret
    const two = channelAuthResponse(app, SOCKET, 'private-encrypted-zone.2', MEMBER).shared_secret
    expect(one).not.toBe(two)
    const otherKey = loadEngineConfig({ ...ENV, LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: randomBytes(32).toString('base64') }).apps[0]!
    expect(channelAuthResponse(otherKey, SOCKET, 'private-encrypted-zone.1', MEMBER).shared_secret).not.toBe(one)
    expect(sharedSecret(app.encryptionMasterKey, 'private-encrypted-zone.1').toString('base64')).toBe(one)
  })

  it('uses the configured master key, not the app secret, for the shared secret', () => {
    expect(app.encryptionMasterKey.equals(Buffer.from(MASTER_KEY, 'base64'))).toBe(true)
    const derived = loadEngineConfig({ ...ENV, LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: undefined }).apps[0]!
    expect(derived.encryptionMasterKey).toHaveLength(32)
    expect(channelAuthResponse(derived, SOCKET, 'private-encrypted-zone.1', MEMBER).shared_secret)
      .not.toBe(channelAuthResponse(app, SOCKET, 'private-encrypted-zone.1', MEMBER).shared_secret)
  })
})

describe('userAuthResponse', () => {
  it('signs user data that the engine accepts for pusher:signin', () => {
    const user = { id: '7', user_info: { name: 'Greenfield viewer' } }
    const response = userAuthResponse(app, SOCKET, user)
    expect(response.user_data).toBe(JSON.stringify(user))
    expect(verifyUserAuth(app.key, app.secret, response.auth, SOCKET, response.user_data)).toBe(true)
  })

  it('is refused for another socket or altered user data', () => {
    const response = userAuthResponse(app, SOCKET, { id: '7' })
    expect(verifyUserAuth(app.key, app.secret, response.auth, '999.111', response.user_data)).toBe(false)
    expect(verifyUserAuth(app.key, app.secret, response.auth, SOCKET, JSON.stringify({ id: '1' }))).toBe(false)
  })

  it('matches the pusher SDK\'s user authentication', () => {
    const user = { id: '7', user_info: { role: 'viewer' } }
    expect(userAuthResponse(app, SOCKET, user)).toEqual(sdk.authenticateUser(SOCKET, user))
  })
})

describe('loadEngineConfig encryption master key', () => {
  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['not base64', '!!!!'],
  ])('throws naming LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64 for a key of %s', (_label, value) => {
    expect(() => loadEngineConfig({ ...ENV, LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: value })).toThrow('LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64')
  })

  it('accepts a 32-byte key', () => {
    expect(() => loadEngineConfig(ENV)).not.toThrow()
  })
})
