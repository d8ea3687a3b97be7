import { describe, expect, it } from 'vitest'
import {
  allowsClientEvents, channelKind, isCacheChannel, isValidChannelName, MAX_CHANNEL_NAME_LENGTH, requiresAuth,
} from '../../../../server/realtime/channel-name'

describe('channelKind', () => {
  it.each([
    ['orders', 'public'],
    ['cache-orders', 'public'],
    ['private-orders', 'private'],
    ['private-cache-orders', 'private'],
    ['presence-room', 'presence'],
    ['presence-cache-room', 'presence'],
    ['private-encrypted-secrets', 'encrypted'],
    ['private-encrypted-cache-secrets', 'encrypted'],
    ['privateorders', 'public'],
    ['encrypted-orders', 'public'],
  ])('classifies %s as %s', (name, kind) => {
    expect(channelKind(name)).toBe(kind)
  })

  it('requires auth for every kind but public', () => {
    expect(requiresAuth('orders')).toBe(false)
    expect(requiresAuth('private-orders')).toBe(true)
    expect(requiresAuth('presence-room')).toBe(true)
    expect(requiresAuth('private-encrypted-x')).toBe(true)
  })
})

describe('isCacheChannel', () => {
  it.each(['cache-a', 'private-cache-a', 'presence-cache-a', 'private-encrypted-cache-a'])('recognises %s', (name) => {
    expect(isCacheChannel(name)).toBe(true)
  })

  it.each(['a', 'cachea', 'private-a-cache-b', 'x-cache-a', 'presence-private-cache-a'])('does not treat %s as a cache channel', (name) => {
    expect(isCacheChannel(name)).toBe(false)
  })
})

describe('isValidChannelName', () => {
  it('accepts every allowed character', () => {
    expect(isValidChannelName('Az09_-=@,.;')).toBe(true)
  })

  it('accepts 164 characters and refuses 165', () => {
    expect(MAX_CHANNEL_NAME_LENGTH).toBe(164)
    expect(isValidChannelName('a'.repeat(164))).toBe(true)
    expect(isValidChannelName('a'.repeat(165))).toBe(false)
  })

  it.each(['', 'with space', 'slash/', 'hash#', 'star*', 'colon:', 'é', 'new\nline'])('refuses %j', (name) => {
    expect(isValidChannelName(name)).toBe(false)
  })

  it('refuses non-strings', () => {
    for (const name of [undefined, null, 12, {}, ['a']]) expect(isValidChannelName(name)).toBe(false)
  })
})

describe('allowsClientEvents', () => {
  it('allows private and presence channels, including cache variants', () => {
    for (const name of ['private-a', 'presence-a', 'private-cache-a', 'presence-cache-a']) expect(allowsClientEvents(name)).toBe(true)
  })

  it('refuses public and encrypted channels', () => {
    for (const name of ['a', 'cache-a', 'private-encrypted-a', 'private-encrypted-cache-a']) expect(allowsClientEvents(name)).toBe(false)
  })
})

describe('user channels (#server-to-user-)', () => {
  it('are valid with a user id and of kind user', () => {
    expect(isValidChannelName('#server-to-user-42')).toBe(true)
    expect(channelKind('#server-to-user-42')).toBe('user')
    expect(requiresAuth('#server-to-user-42')).toBe(true)
    expect(allowsClientEvents('#server-to-user-42')).toBe(false)
  })

  it.each(['#server-to-user-', '#other-42', '#', 'server-to-user-#42', '##server-to-user-42'])('refuses %j', (name) => {
    expect(isValidChannelName(name)).toBe(false)
  })
})
