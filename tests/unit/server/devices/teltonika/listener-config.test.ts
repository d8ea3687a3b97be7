import { describe, expect, it } from 'vitest'
import { teltonikaListenerConfig } from '../../../../../server/devices/teltonika/listener-config'

describe('teltonikaListenerConfig', () => {
  it('listens on TELTONIKA_PORT and HOST when the port is set', () => {
    expect(teltonikaListenerConfig({ TELTONIKA_PORT: '5027', HOST: '10.0.0.2', SIMULATOR: 'off' })).toEqual({ port: 5027, host: '10.0.0.2' })
  })

  it('is off when the port is unset outside the demo, or set to "off"', () => {
    expect(teltonikaListenerConfig({ SIMULATOR: 'off' })).toBeNull()
    expect(teltonikaListenerConfig({ DEMO_DATA: 'off' })).toBeNull()
    expect(teltonikaListenerConfig({ TELTONIKA_PORT: 'off' })).toBeNull()
  })

  it('listens on a free loopback port in the demo (simulator and demo data on by default)', () => {
    expect(teltonikaListenerConfig({})).toEqual({ port: 0, host: '127.0.0.1' })
  })

  it('refuses a port that is not a number from 0 to 65535, naming the variable', () => {
    expect(() => teltonikaListenerConfig({ TELTONIKA_PORT: '70000' })).toThrow(/TELTONIKA_PORT/)
    expect(() => teltonikaListenerConfig({ TELTONIKA_PORT: 'five' })).toThrow(/TELTONIKA_PORT/)
  })
})
