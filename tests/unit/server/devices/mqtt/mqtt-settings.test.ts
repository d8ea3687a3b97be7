// MQTT settings from the environment: off by default, a port or a URL, limits with defaults, bad values named.
import { describe, expect, it } from 'vitest'
import { mqttSettings } from '../../../../../server/devices/mqtt/mqtt-settings'

describe('mqttSettings', () => {
  it('is off without MQTT_PORT and MQTT_URL outside the demo, with the documented limits', () => {
    expect(mqttSettings({ SIMULATOR: 'off' })).toEqual({ port: null, url: null, host: undefined, maxPacketBytes: 1_000_000, messagesPerMinute: 6000, commandPollMs: 1000 })
  })

  it('runs the embedded broker on a free loopback port in the demo, unless MQTT_PORT=off or MQTT_URL says otherwise', () => {
    expect(mqttSettings({})).toMatchObject({ port: 0, host: '127.0.0.1', url: null })
    expect(mqttSettings({ HOST: '0.0.0.0' })).toMatchObject({ port: 0, host: '127.0.0.1' })
    expect(mqttSettings({ DEMO_DATA: 'off' }).port).toBeNull()
    expect(mqttSettings({ MQTT_PORT: 'off' }).port).toBeNull()
    expect(mqttSettings({ MQTT_URL: 'mqtt://broker:1883' }).port).toBeNull()
  })

  it('takes a port (0: a free one) and a broker URL', () => {
    expect(mqttSettings({ MQTT_PORT: '0' }).port).toBe(0)
    expect(mqttSettings({ MQTT_PORT: '1883', HOST: '127.0.0.1' })).toMatchObject({ port: 1883, host: '127.0.0.1' })
    expect(mqttSettings({ MQTT_URL: 'mqtt://user:pass@broker:1883' }).url).toBe('mqtt://user:pass@broker:1883')
  })

  it.each([
    [{ MQTT_PORT: 'x' }, 'MQTT_PORT'],
    [{ MQTT_PORT: '70000' }, 'MQTT_PORT'],
    [{ MQTT_URL: 'http://broker' }, 'MQTT_URL'],
    [{ MQTT_MESSAGES_PER_MINUTE: '0' }, 'MQTT_MESSAGES_PER_MINUTE'],
    [{ MQTT_MAX_PACKET_BYTES: '10' }, 'MQTT_MAX_PACKET_BYTES'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => mqttSettings(env)).toThrow(name)
  })
})
