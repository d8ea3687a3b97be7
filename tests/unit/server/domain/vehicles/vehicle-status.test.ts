import { describe, expect, it } from 'vitest'
import { deriveStatus } from '../../../../../server/domain/vehicles/vehicle-status'

const base = { speed: 0, satellites: 9, ignition: undefined, standingLong: false }

describe('deriveStatus', () => {
  it('is no_gps with zero satellites, whatever the speed', () => {
    expect(deriveStatus({ ...base, satellites: 0, speed: 50 })).toBe('no_gps')
  })

  it('is moving above 3 km/h and not at 3 km/h', () => {
    expect(deriveStatus({ ...base, speed: 3.1, ignition: false })).toBe('moving')
    expect(deriveStatus({ ...base, speed: 3, ignition: true })).toBe('stopped')
  })

  it('is stopped with the ignition on and parking with it off', () => {
    expect(deriveStatus({ ...base, ignition: true, standingLong: true })).toBe('stopped')
    expect(deriveStatus({ ...base, ignition: false })).toBe('parking')
  })

  it('without an ignition sensor is stopped at first and parking after standing long', () => {
    expect(deriveStatus(base)).toBe('stopped')
    expect(deriveStatus({ ...base, standingLong: true })).toBe('parking')
  })

  it('treats unknown satellites as a fix', () => {
    expect(deriveStatus({ ...base, satellites: null, speed: 40 })).toBe('moving')
  })
})
