// Bus messages between cluster nodes: what the Lua scripts and nodes write is read back; anything else is dropped.
import { describe, expect, it } from 'vitest'
import { bindMessage, clientEventMessage, decodeBusMessage, revokeMessage, settledMessage, terminateMessage } from '../../../../../server/realtime/cluster/messages'

describe('decodeBusMessage', () => {
  it('reads an event as the PUBLISH script writes it, keeping the payload untouched (newlines included)', () => {
    const raw = '{"s":1700000000123,"n":"node-1","e":"tick","c":"news","o":42,"t":"e","x":"12.34","k":"object"}\n{"text":"a\nb"}'
    expect(decodeBusMessage(raw)).toEqual({
      type: 'event', channel: 'news', event: 'tick', offset: 42, sentAt: 1700000000123, shape: 'object', except: '12.34', node: 'node-1', republished: false, data: '{"text":"a\nb"}',
    })
  })

  it('reads an unknown or missing payload shape as one that takes no recovery metadata', () => {
    expect(decodeBusMessage('{"t":"e","c":"news","e":"tick","o":1,"s":5,"k":"weird"}\n{}')).toMatchObject({ shape: 'other' })
    expect(decodeBusMessage('{"t":"e","c":"news","e":"tick","o":1,"s":5}\n{}')).toMatchObject({ shape: 'other' })
  })

  it('reads an empty `except` as nobody excluded and `r: 1` as republished', () => {
    const message = decodeBusMessage('{"t":"e","c":"news","e":"tick","o":1,"s":5,"x":"","n":"n","r":1}\n"plain"')
    expect(message).toMatchObject({ except: null, republished: true, data: '"plain"' })
  })

  it('reads member_added with its user_info body, and member_removed', () => {
    expect(decodeBusMessage('{"t":"a","c":"presence-room","u":"7","x":"1.2"}\n{"name":"Ada"}')).toEqual({ type: 'member_added', channel: 'presence-room', userId: '7', except: '1.2', info: '{"name":"Ada"}' })
    expect(decodeBusMessage('{"t":"r","c":"presence-room","u":"7"}\n')).toEqual({ type: 'member_removed', channel: 'presence-room', userId: '7' })
  })

  it('reads back what terminateMessage writes', () => {
    expect(decodeBusMessage(terminateMessage('dave'))).toEqual({ type: 'terminate', userId: 'dave' })
  })

  it('reads back what revokeMessage and bindMessage write', () => {
    expect(decodeBusMessage(revokeMessage('token:4'))).toEqual({ type: 'revoke', credential: 'token:4' })
    const binding = { userId: '7', credential: 'session:ab', role: 'viewer' }
    expect(decodeBusMessage(bindMessage('1.2', binding, 1234))).toEqual({ type: 'bind', socketId: '1.2', binding, issuedAt: 1234 })
    expect(decodeBusMessage(bindMessage('1.2', { ...binding, role: null }, 1234))).toMatchObject({ binding: { role: null } })
  })

  it('reads back what settledMessage writes', () => {
    expect(decodeBusMessage(settledMessage('node-1', 3))).toEqual({ type: 'settled', node: 'node-1', seq: 3 })
  })

  it('reads back what clientEventMessage writes, with and without the sender\'s user id', () => {
    expect(decodeBusMessage(clientEventMessage('presence-chat', 'client-typing', '{"on":true}', '1.2', 'alice'))).toEqual({
      type: 'client', channel: 'presence-chat', event: 'client-typing', except: '1.2', userId: 'alice', data: '{"on":true}',
    })
    expect(decodeBusMessage(clientEventMessage('private-chat', 'client-typing', 'x\ny', '1.2'))).toMatchObject({ userId: null, data: 'x\ny' })
  })

  it.each([
    ['no header line', '{"t":"x","u":"dave"}'],
    ['a header that is not JSON', '{"t":"x",\n'],
    ['a null header', 'null\n'],
    ['an array header', '["x"]\n'],
    ['a number header', '5\n'],
    ['an unknown type', '{"t":"z","u":"dave"}\n'],
    ['no type', '{"u":"dave"}\n'],
    ['an event without an offset', '{"t":"e","c":"news","e":"tick","s":1}\n{}'],
    ['an event with a text offset', '{"t":"e","c":"news","e":"tick","o":"1","s":1}\n{}'],
    ['an event without a channel', '{"t":"e","e":"tick","o":1,"s":1}\n{}'],
    ['a client event without a name', '{"t":"c","c":"private-chat"}\n{}'],
    ['a member without a user', '{"t":"a","c":"presence-room"}\n{}'],
    ['a member with a numeric user', '{"t":"r","c":"presence-room","u":7}\n'],
    ['a terminate without a user', '{"t":"x"}\n'],
    ['a settled marker without a sequence number', '{"t":"f","n":"node-1"}\n'],
    ['an empty string', ''],
  ])('drops %s', (_, raw) => {
    expect(decodeBusMessage(raw)).toBeNull()
  })
})
