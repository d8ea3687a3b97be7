import { describe, expect, it } from 'vitest'
import { failureMessage } from '../../../../app/utils/failure-message'

describe('failureMessage', () => {
  it("gives the server's status message of a failed request", () => {
    expect(failureMessage({ statusCode: 422, statusMessage: 'zones.name: required' }, 'Zones could not be loaded')).toBe('zones.name: required')
  })

  it('falls back when the failure carries no status message (network down, thrown value)', () => {
    expect(failureMessage(new TypeError('fetch failed'), 'Zones could not be loaded')).toBe('Zones could not be loaded')
    expect(failureMessage(null, 'fallback')).toBe('fallback')
  })
})
