import { describe, expect, it } from 'vitest'
import { compassPoint, STATUS_LOOKS, STATUSES } from '../../../../../app/utils/map/vehicle-status'

describe('vehicle status looks', () => {
  it('has a distinct colour for every status', () => {
    expect(STATUSES).toEqual(['moving', 'stopped', 'parking', 'offline', 'no_gps'])
    expect(new Set(STATUSES.map(status => STATUS_LOOKS[status].color)).size).toBe(5)
  })

  it('names the compass point of a course', () => {
    expect(compassPoint(0)).toBe('N')
    expect(compassPoint(44)).toBe('NE')
    expect(compassPoint(180)).toBe('S')
    expect(compassPoint(350)).toBe('N')
    expect(compassPoint(-90)).toBe('W')
  })
})
