import { describe, expect, it } from 'vitest'
import { NODE_SILENT_AFTER_MS, shownZoneStatus } from '../../../shared/zone-silence'

const NOW = Date.parse('2026-06-01T12:00:00Z')

describe('shownZoneStatus', () => {
  it('keeps ok while the newest node report is within the limit', () => {
    expect(shownZoneStatus('ok', 3, NOW - NODE_SILENT_AFTER_MS, NOW)).toBe('ok')
    expect(shownZoneStatus('ok', 3, new Date(NOW - 1000).toISOString(), NOW)).toBe('ok')
  })

  it('says unknown instead of ok when every node is silent past the limit, or none ever reported', () => {
    expect(shownZoneStatus('ok', 3, NOW - NODE_SILENT_AFTER_MS - 1, NOW)).toBe('unknown')
    expect(shownZoneStatus('ok', 1, null, NOW)).toBe('unknown')
  })

  it('keeps an alert or warning status of a silent zone: the open alert still needs someone', () => {
    expect(shownZoneStatus('alert', 2, null, NOW)).toBe('alert')
    expect(shownZoneStatus('warning', 2, null, NOW)).toBe('warning')
  })

  it('keeps ok for a zone without nodes (nothing is silent), and re-evaluates an unknown it was given', () => {
    expect(shownZoneStatus('ok', 0, null, NOW)).toBe('ok')
    expect(shownZoneStatus('unknown', 1, NOW, NOW)).toBe('ok')
  })
})
