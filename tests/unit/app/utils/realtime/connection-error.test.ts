import { describe, expect, it } from 'vitest'
import { connectionErrorKey } from '../../../../../app/utils/realtime/connection-error'
import en from '../../../../../i18n/locales/en.json'

const english = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)

describe('connectionErrorKey', () => {
  it('says "Server restarting" for a 4200 close, without the code', () => {
    expect(english(connectionErrorKey({ type: 'PusherError', data: { code: 4200, message: 'Server restarting' } }))).toBe('Server restarting')
    expect(english(connectionErrorKey({ type: 'WebSocketError', error: { data: { code: 4200 } } }))).toBe('Server restarting')
  })

  it('puts other protocol codes in words, by family for unknown ones', () => {
    expect(english(connectionErrorKey({ data: { code: 4201 } }))).toBe('The connection stopped answering')
    expect(english(connectionErrorKey({ data: { code: 4050 } }))).toBe('The server refused the connection')
    expect(english(connectionErrorKey({ data: { code: 4250 } }))).toBe('The server closed the connection')
  })

  it('says the live connection cannot be opened for a socket error, never the error class name', () => {
    const text = english(connectionErrorKey({ type: 'WebSocketError', error: {} }))
    expect(text).toBe('The live connection cannot be opened')
    expect(text).not.toMatch(/Error|\d{4}/)
  })

  it('has words for every code it names', () => {
    for (const code of [4001, 4004, 4009, 4100, 4200, 4201, 4301]) expect(english(connectionErrorKey({ data: { code } }))).toMatch(/^[A-Z]/)
  })
})
