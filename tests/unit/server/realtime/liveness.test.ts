import { describe, expect, it } from 'vitest'
import { loadEngineConfig } from '../../../../server/realtime/app-config'
import { Connection } from '../../../../server/realtime/connection'
import { checkLiveness } from '../../../../server/realtime/liveness'
import { createEngine, connect, FakeTransport } from './fake-transport'

const app = loadEngineConfig({ REVERB_APP_ACTIVITY_TIMEOUT: '30', REVERB_APP_PONG_TIMEOUT: '10' }).apps[0]!

function socket(openedAt = 0) {
  const transport = new FakeTransport()
  return { transport, connection: new Connection(app, transport, null, openedAt) }
}

describe('checkLiveness', () => {
  it('leaves a socket alone before activityTimeout', () => {
    const { transport, connection } = socket()
    expect(checkLiveness(connection, 29_999)).toBe(false)
    expect(transport.frames).toEqual([])
  })

  it('pings a socket silent for activityTimeout', () => {
    const { transport, connection } = socket()
    expect(checkLiveness(connection, 30_000)).toBe(false)
    expect(transport.frames).toEqual([{ event: 'pusher:ping', data: '{}' }])
    expect(transport.closes).toEqual([])
  })

  it('pings only once while waiting for the pong', () => {
    const { transport, connection } = socket()
    checkLiveness(connection, 30_000)
    checkLiveness(connection, 35_000)
    expect(transport.framesOf('pusher:ping')).toHaveLength(1)
  })

  it('closes with 4201 a socket that does not answer within pongTimeout', () => {
    const { transport, connection } = socket()
    checkLiveness(connection, 30_000)
    expect(checkLiveness(connection, 39_999)).toBe(false)
    expect(transport.closes).toEqual([])
    expect(checkLiveness(connection, 40_000)).toBe(true)
    expect(transport.closes.map(close => close.code)).toEqual([4201])
    expect(connection.closed).toBe(true)
  })

  it('does not close a socket that answered the ping, and pings it again after a new silence', () => {
    const { transport, connection } = socket()
    checkLiveness(connection, 30_000)
    connection.touch(35_000)
    expect(checkLiveness(connection, 45_000)).toBe(false)
    expect(checkLiveness(connection, 64_999)).toBe(false)
    expect(transport.closes).toEqual([])
    expect(transport.framesOf('pusher:ping')).toHaveLength(1)
    checkLiveness(connection, 65_000)
    expect(transport.framesOf('pusher:ping')).toHaveLength(2)
  })

  it('counts from the last activity, not from when the socket opened', () => {
    const { transport, connection } = socket()
    connection.touch(20_000)
    checkLiveness(connection, 49_999)
    expect(transport.frames).toEqual([])
  })
})

describe('engine sweep', () => {
  it('treats any client frame as an answer to the ping', () => {
    const engine = createEngine({ REVERB_APP_ACTIVITY_TIMEOUT: '30', REVERB_APP_PONG_TIMEOUT: '10' })
    const client = connect(engine)
    const openedAt = client.connection.lastActivityAt
    engine.sweep(openedAt + 30_000)
    expect(client.transport.last!.event).toBe('pusher:ping')
    client.send({ event: 'pusher:pong' })
    expect(client.connection.pingSentAt).toBeNull()
    engine.sweep(openedAt + 40_000)
    expect(client.transport.closes).toEqual([])
  })

  it('closes a silent socket with 4201 after the pong timeout', () => {
    const engine = createEngine({ REVERB_APP_ACTIVITY_TIMEOUT: '30', REVERB_APP_PONG_TIMEOUT: '10' })
    const client = connect(engine)
    const openedAt = client.connection.lastActivityAt
    engine.sweep(openedAt + 30_000)
    engine.sweep(openedAt + 40_000)
    expect(client.transport.closes.map(close => close.code)).toEqual([4201])
  })
})
