import { describe, expect, it } from 'vitest'
import { DEVELOPMENT_APP, loadEngineConfig } from '../../../../server/realtime/app-config'

const CREDENTIALS = { REVERB_APP_ID: 'id', REVERB_APP_KEY: 'key', REVERB_APP_SECRET: 'secret' }

describe('loadEngineConfig', () => {
  it('falls back to the development app and documented defaults', () => {
    const config = loadEngineConfig({})
    expect(config.usingDevelopmentApp).toBe(true)
    expect(config.apps).toHaveLength(1)
    expect(config.apps[0]).toEqual({
      ...DEVELOPMENT_APP,
      secret: expect.stringMatching(/^[0-9a-f]{64}$/),
      allowedOrigins: [],
      activityTimeout: 30,
      pongTimeout: 30,
      maxMessageSize: 10_000,
      maxConnections: 0,
      clientEventsPerSecond: 10,
      maxChannelsPerConnection: 500,
      encryptionMasterKey: expect.any(Buffer),
    })
    expect(config.apps[0]!.encryptionMasterKey).toHaveLength(32)
    expect(config.limits).toEqual({
      maxBufferedBytes: 4 * 1024 * 1024,
      historySize: 500,
      historySeconds: 300,
      cacheSeconds: 1800,
      maxChannelsPerEvent: 100,
      maxBatchSize: 10,
      maxRequestSize: 1_000_000,
      maxConnectionsPerIp: 200,
    })
  })

  it('uses configured credentials and reads limits from the environment', () => {
    const config = loadEngineConfig({
      ...CREDENTIALS,
      REVERB_ALLOWED_ORIGINS: ' app.example.com , *.example.org ,',
      REVERB_APP_ACTIVITY_TIMEOUT: '120',
      REVERB_APP_MAX_CONNECTIONS: '0',
      LOOKOUT_HISTORY_SIZE: '7',
    })
    expect(config.usingDevelopmentApp).toBe(false)
    expect(config.apps[0]).toMatchObject({ id: 'id', key: 'key', secret: 'secret', allowedOrigins: ['app.example.com', '*.example.org'], activityTimeout: 120, maxConnections: 0 })
    expect(config.limits.historySize).toBe(7)
  })

  it('takes the secret from the fallback when REVERB_APP_SECRET is unset, never a published constant', () => {
    expect(loadEngineConfig({ REVERB_APP_SECRET: '' }, () => 'stored-secret').apps[0]!.secret).toBe('stored-secret')
    expect(loadEngineConfig({}).apps[0]!.secret).not.toBe(loadEngineConfig({}).apps[0]!.secret)
    expect(loadEngineConfig(CREDENTIALS, () => 'stored-secret').apps[0]!.secret).toBe('secret')
  })

  it('treats empty variables as unset', () => {
    const config = loadEngineConfig({ REVERB_APP_KEY: '', REVERB_APP_ACTIVITY_TIMEOUT: '' })
    expect(config.apps[0]!.key).toBe(DEVELOPMENT_APP.key)
    expect(config.apps[0]!.activityTimeout).toBe(30)
  })

  it('refuses to run in production without credentials, naming the missing variables', () => {
    expect(() => loadEngineConfig({ APP_ENV: 'production' })).toThrow(/REVERB_APP_ID, REVERB_APP_KEY, REVERB_APP_SECRET/)
    expect(() => loadEngineConfig({ APP_ENV: 'production', REVERB_APP_ID: 'id', REVERB_APP_KEY: 'key' })).toThrow(/REVERB_APP_SECRET/)
    expect(() => loadEngineConfig({ APP_ENV: 'production', REVERB_APP_ID: 'id', REVERB_APP_KEY: 'key' })).not.toThrow(/REVERB_APP_KEY/)
    expect(loadEngineConfig({ APP_ENV: 'production', ...CREDENTIALS }).usingDevelopmentApp).toBe(false)
  })

  it.each([
    ['REVERB_APP_ACTIVITY_TIMEOUT', 'abc'],
    ['REVERB_APP_MAX_CONNECTIONS', '-1'],
    ['REVERB_APP_PONG_TIMEOUT', 'Infinity'],
    ['LOOKOUT_MAX_BUFFERED_BYTES', '0'],
    ['REVERB_APP_CLIENT_EVENTS_PER_SECOND', '0'],
    ['REVERB_SERVER_MAX_REQUEST_SIZE', '1e'],
    ['LOOKOUT_MAX_CONNECTIONS_PER_IP', '-3'],
  ])('throws naming %s when it is %j', (name, value) => {
    expect(() => loadEngineConfig({ ...CREDENTIALS, [name]: value })).toThrow(name)
  })

  it('allows 0 (unlimited) for the connection quotas only', () => {
    expect(loadEngineConfig({ REVERB_APP_MAX_CONNECTIONS: '0' }).apps[0]!.maxConnections).toBe(0)
    expect(loadEngineConfig({ LOOKOUT_MAX_CONNECTIONS_PER_IP: '0' }).limits.maxConnectionsPerIp).toBe(0)
    expect(() => loadEngineConfig({ REVERB_APP_MAX_CHANNELS_PER_CONNECTION: '0' })).toThrow('REVERB_APP_MAX_CHANNELS_PER_CONNECTION')
  })
})
