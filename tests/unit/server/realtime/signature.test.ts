import Pusher from 'pusher'
import { describe, expect, it } from 'vitest'
import {
  safeEqualHex, signChannelAuth, signUserAuth, verifyChannelAuth, verifyUserAuth,
} from '../../../../server/realtime/signature'

const KEY = 'app-key'
const SECRET = 'app-secret'
const SOCKET = '1234.5678'
const sdk = new Pusher({ appId: '1', key: KEY, secret: SECRET, host: '127.0.0.1' })

describe('channel auth', () => {
  it('accepts a private channel signature made by the pusher SDK', () => {
    const { auth } = sdk.authorizeChannel(SOCKET, 'private-orders')
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'private-orders')).toBe(true)
  })

  it('signs private channels exactly as the pusher SDK does', () => {
    expect(signChannelAuth(KEY, SECRET, SOCKET, 'private-orders')).toBe(sdk.authorizeChannel(SOCKET, 'private-orders').auth)
  })

  it('rejects a signature for another channel', () => {
    const { auth } = sdk.authorizeChannel(SOCKET, 'private-orders')
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'private-invoices')).toBe(false)
  })

  it('rejects a signature made for another socket id', () => {
    const { auth } = sdk.authorizeChannel('9999.1111', 'private-orders')
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'private-orders')).toBe(false)
  })

  it('rejects a signature made with another secret', () => {
    const other = new Pusher({ appId: '1', key: KEY, secret: 'other-secret', host: '127.0.0.1' })
    const { auth } = other.authorizeChannel(SOCKET, 'private-orders')
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'private-orders')).toBe(false)
  })

  it('rejects a valid signature behind a wrong key prefix', () => {
    const signature = sdk.authorizeChannel(SOCKET, 'private-orders').auth.split(':')[1]
    expect(verifyChannelAuth(KEY, SECRET, `other-key:${signature}`, SOCKET, 'private-orders')).toBe(false)
    expect(verifyChannelAuth(KEY, SECRET, signature, SOCKET, 'private-orders')).toBe(false)
  })

  it('rejects non-string auth values', () => {
    for (const auth of [undefined, null, 42, {}, ['key:sig']]) {
      expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'private-orders')).toBe(false)
    }
  })

  it('rejects signatures of a different length without throwing', () => {
    const { auth } = sdk.authorizeChannel(SOCKET, 'private-orders')
    expect(verifyChannelAuth(KEY, SECRET, auth.slice(0, -1), SOCKET, 'private-orders')).toBe(false)
    expect(verifyChannelAuth(KEY, SECRET, `${auth}0`, SOCKET, 'private-orders')).toBe(false)
    expect(verifyChannelAuth(KEY, SECRET, `${KEY}:`, SOCKET, 'private-orders')).toBe(false)
  })
})

describe('presence auth', () => {
  const member = { user_id: '7', user_info: { name: 'Ada' } }

  it('accepts channel_data and signature made by the pusher SDK', () => {
    const { auth, channel_data: channelData } = sdk.authorizeChannel(SOCKET, 'presence-room', member)
    expect(channelData).toBeTypeOf('string')
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'presence-room', channelData)).toBe(true)
  })

  it('rejects tampered channel_data', () => {
    const { auth, channel_data: channelData } = sdk.authorizeChannel(SOCKET, 'presence-room', member)
    const tampered = channelData!.replace('"7"', '"8"')
    expect(tampered).not.toBe(channelData)
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'presence-room', tampered)).toBe(false)
  })

  it('rejects a presence signature checked without its channel_data', () => {
    const { auth } = sdk.authorizeChannel(SOCKET, 'presence-room', member)
    expect(verifyChannelAuth(KEY, SECRET, auth, SOCKET, 'presence-room')).toBe(false)
  })
})

describe('user (signin) auth', () => {
  it('accepts user data signed by the pusher SDK', () => {
    const { auth, user_data: userData } = sdk.authenticateUser(SOCKET, { id: '1' })
    expect(verifyUserAuth(KEY, SECRET, auth, SOCKET, userData)).toBe(true)
  })

  it('signs user data exactly as the pusher SDK does', () => {
    const { auth, user_data: userData } = sdk.authenticateUser(SOCKET, { id: '1' })
    expect(signUserAuth(KEY, SECRET, SOCKET, userData)).toBe(auth)
  })

  it('rejects tampered user data, another socket id, a wrong key prefix and non-strings', () => {
    const { auth, user_data: userData } = sdk.authenticateUser(SOCKET, { id: '1' })
    expect(verifyUserAuth(KEY, SECRET, auth, SOCKET, userData.replace('"1"', '"2"'))).toBe(false)
    expect(verifyUserAuth(KEY, SECRET, auth, '1.2', userData)).toBe(false)
    expect(verifyUserAuth(KEY, SECRET, auth.replace(KEY, 'nope'), SOCKET, userData)).toBe(false)
    expect(verifyUserAuth(KEY, SECRET, 12, SOCKET, userData)).toBe(false)
  })

  it('does not accept a channel signature as a user signature', () => {
    const { auth } = sdk.authorizeChannel(SOCKET, 'private-x')
    expect(verifyUserAuth(KEY, SECRET, auth, SOCKET, '{"id":"1"}')).toBe(false)
  })
})

describe('safeEqualHex', () => {
  it('is true only for identical strings', () => {
    expect(safeEqualHex('abcd', 'abcd')).toBe(true)
    expect(safeEqualHex('abcd', 'abce')).toBe(false)
    expect(safeEqualHex('abcd', 'abc')).toBe(false)
  })
})
