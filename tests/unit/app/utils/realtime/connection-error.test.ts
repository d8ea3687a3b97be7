import { describe, expect, it } from 'vitest'
import { connectionErrorText } from '../../../../../app/utils/realtime/connection-error'

describe('connectionErrorText', () => {
  it('says "Server restarting" for a 4200 close, without the code', () => {
    expect(connectionErrorText({ type: 'PusherError', data: { code: 4200, message: 'Server restarting' } })).toBe('Server restarting')
    expect(connectionErrorText({ type: 'WebSocketError', error: { data: { code: 4200 } } })).toBe('Server restarting')
  })

  it('puts other protocol codes in words, by family for unknown ones', () => {
    expect(connectionErrorText({ data: { code: 4201 } })).toBe('The connection stopped answering')
    expect(connectionErrorText({ data: { code: 4050 } })).toBe('The server refused the connection')
    expect(connectionErrorText({ data: { code: 4250 } })).toBe('The server closed the connection')
  })

  it('says the live connection cannot be opened for a socket error, never the error class name', () => {
    const text = connectionErrorText({ type: 'WebSocketError', error: {} })
    expect(text).toBe('The live connection cannot be opened')
    expect(text).not.toMatch(/Error|\d{4}/)
  })
})
