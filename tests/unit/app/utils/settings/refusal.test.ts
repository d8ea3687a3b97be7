import { describe, expect, it } from 'vitest'
import { formFieldOf, refusalOf } from '../../../../../app/utils/settings/refusal'

describe('refusals of Settings requests', () => {
  it('reads the message and the named field of a 422 from $fetch', () => {
    const failure = { statusCode: 422, statusMessage: 'zones.name: already taken', data: { statusMessage: 'zones.name: already taken', data: { field: 'zones.name' } } }
    expect(refusalOf(failure)).toEqual({ field: 'zones.name', message: 'zones.name: already taken', code: null, params: {} })
  })

  it('reads the message code and params a refusal carries, for showing it in the page\'s language', () => {
    const failure = { statusMessage: 'name: Too small', data: { data: { field: 'name', code: 'validation.tooShort', params: { min: 1, count: 1 } } } }
    expect(refusalOf(failure)).toEqual({ field: 'name', message: 'name: Too small', code: 'validation.tooShort', params: { min: 1, count: 1 } })
  })

  it('falls back to the error message, and to no field, when the server named none', () => {
    expect(refusalOf(new Error('fetch failed'))).toEqual({ field: null, message: 'fetch failed', code: null, params: {} })
  })

  it('finds the form field a server path points at, with or without a resource prefix', () => {
    const fields = ['name', 'uid', 'thresholds']
    expect(formFieldOf('name', fields)).toBe('name')
    expect(formFieldOf('devices.uid', fields)).toBe('uid')
    expect(formFieldOf('thresholds.ph.min', fields)).toBe('thresholds')
    expect(formFieldOf('zoneId', fields)).toBeNull()
    expect(formFieldOf(null, fields)).toBeNull()
  })
})
