import { describe, expect, it } from 'vitest'
import { contactOverdue, laterContact, onlineSummary, valuesStale } from '../../../../../app/utils/gateways/gateway-status'
import { translator } from '../../../../support/translators'

const now = Date.parse('2026-05-01T12:00:00Z')

describe('gateway status', () => {
  it('counts the gateways online', () => {
    const en = translator('en')
    expect(onlineSummary([{ online: true }, { online: false }, { online: true }], en)).toBe('2 of 3 online')
    expect(onlineSummary([], en)).toBe('0 of 0 online')
    expect(onlineSummary([{ online: true }, { online: false }], translator('ru'))).toBe('в сети 1 из 2')
    expect(onlineSummary([{ online: true }, { online: false }], translator('pl'))).toBe('online: 1 z 2')
  })

  it('calls contact overdue beyond the gateway\'s own offline limit, or when there never was any', () => {
    expect(contactOverdue({ lastContactAt: '2026-05-01T11:59:30Z', offlineAfterSeconds: 60 }, now)).toBe(false)
    expect(contactOverdue({ lastContactAt: '2026-05-01T11:58:59Z', offlineAfterSeconds: 60 }, now)).toBe(true)
    expect(contactOverdue({ lastContactAt: null, offlineAfterSeconds: 60 }, now)).toBe(true)
  })

  it('keeps the later contact time', () => {
    expect(laterContact('2026-05-01T12:00:00Z', '2026-05-01T11:00:00Z')).toBe('2026-05-01T12:00:00Z')
    expect(laterContact('2026-05-01T11:00:00Z', '2026-05-01T12:00:00Z')).toBe('2026-05-01T12:00:00Z')
    expect(laterContact(null, '2026-05-01T12:00:00Z')).toBe('2026-05-01T12:00:00Z')
    expect(laterContact('2026-05-01T12:00:00Z', null)).toBe('2026-05-01T12:00:00Z')
  })

  it('counts values as stale when the gateway is offline or its contact is overdue', () => {
    const now = Date.parse('2026-05-01T12:00:00Z')
    expect(valuesStale({ online: true, lastContactAt: '2026-05-01T11:59:30Z', offlineAfterSeconds: 60 }, now)).toBe(false)
    expect(valuesStale({ online: false, lastContactAt: '2026-05-01T11:59:30Z', offlineAfterSeconds: 60 }, now)).toBe(true)
    expect(valuesStale({ online: true, lastContactAt: '2026-05-01T11:58:59Z', offlineAfterSeconds: 60 }, now)).toBe(true)
  })
})
