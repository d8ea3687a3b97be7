// The status bar's state: short drops are not shown, then reconnecting, polling or offline.
import { describe, expect, it } from 'vitest'
import { DEBOUNCE_MS, displayedState, OFFLINE_AFTER_MS } from '../../../../../app/utils/realtime/displayed-state'

const down = (sinceMs: number, fallbackActive = false, fallbackOk: boolean | null = null) => displayedState({ downSince: 0, fallbackActive, fallbackOk, now: sinceMs })

describe('displayedState', () => {
  it('says connected while the socket is up', () => {
    expect(displayedState({ downSince: null, fallbackActive: false, fallbackOk: null, now: 123 })).toBe('connected')
  })

  it('does not show a drop shorter than the debounce, so the bar does not flicker', () => {
    expect(down(DEBOUNCE_MS - 1)).toBe('connected')
    expect(down(DEBOUNCE_MS)).toBe('reconnecting')
  })

  it('says polling while the fallback reaches the server, offline when nothing works for long', () => {
    expect(down(DEBOUNCE_MS + 1000, true, true)).toBe('polling')
    expect(down(DEBOUNCE_MS + 1000, true, false)).toBe('reconnecting')
    expect(down(OFFLINE_AFTER_MS - 1, true, null)).toBe('reconnecting')
    expect(down(OFFLINE_AFTER_MS, true, false)).toBe('offline')
    expect(down(OFFLINE_AFTER_MS * 10, true, true)).toBe('polling')
  })
})
