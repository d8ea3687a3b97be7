// The status bar's state: "Live" only when connected with every channel confirmed, short drops not shown,
// then reconnecting, polling or offline; the first connection of a page is "connecting", never "Live".
import { describe, expect, it } from 'vitest'
import type { ConnectionFacts } from '../../../../../app/utils/realtime/displayed-state'
import { DEBOUNCE_MS, displayedState, OFFLINE_AFTER_MS } from '../../../../../app/utils/realtime/displayed-state'

const up: ConnectionFacts = { socketUp: true, pendingChannels: 0, wasLive: true, downSince: null, fallbackActive: false, fallbackOk: null, now: 123 }
const down = (sinceMs: number, fallbackActive = false, fallbackOk: boolean | null = null, wasLive = true) =>
  displayedState({ socketUp: false, pendingChannels: 0, wasLive, downSince: 0, fallbackActive, fallbackOk, now: sinceMs })

describe('displayedState', () => {
  it('says connected while the socket is up and every channel of the page is confirmed', () => {
    expect(displayedState(up)).toBe('connected')
  })

  it('says connecting, not live, while the server has not confirmed all of the page\'s channels', () => {
    expect(displayedState({ ...up, pendingChannels: 2 })).toBe('connecting')
    expect(displayedState({ ...up, pendingChannels: 1, wasLive: false })).toBe('connecting')
  })

  it('says connecting before the page was ever live, however short the wait (no debounce on page load)', () => {
    expect(down(0, false, null, false)).toBe('connecting')
    expect(down(DEBOUNCE_MS - 1, false, null, false)).toBe('connecting')
    expect(down(OFFLINE_AFTER_MS - 1, true, false, false)).toBe('connecting')
  })

  it('says polling when the socket never connected but polling reaches the server', () => {
    expect(down(4000, true, true, false)).toBe('polling')
  })

  it('says offline when the socket never connected and nothing works for long', () => {
    expect(down(OFFLINE_AFTER_MS, true, false, false)).toBe('offline')
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
