import { describe, expect, it } from 'vitest'
import { changesGeozones } from '../../../../../app/utils/map/geozone-activity'

describe('which activity reloads the geozones', () => {
  it('reloads when a geozone is created, changed or deleted', () => {
    expect(['geozone.created', 'geozone.updated', 'geozone.deleted'].map(changesGeozones)).toEqual([true, true, true])
  })

  it('does not reload when a vehicle enters or leaves a geozone', () => {
    expect(changesGeozones('geozone.entered')).toBe(false)
    expect(changesGeozones('geozone.exited')).toBe(false)
  })

  it('does not reload on other activity', () => {
    expect(changesGeozones('command.sent')).toBe(false)
    expect(changesGeozones('')).toBe(false)
  })
})
