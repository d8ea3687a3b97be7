import { describe, expect, it } from 'vitest'
import { RepaintHold } from '../../../../../app/utils/map/repaint-hold'

function setup(limitMs = 400) {
  let now = 0
  let holding = false
  let repaints = 0
  const timers: Array<{ at: number, callback: () => void }> = []
  const map = { triggerRepaint: () => { repaints++ } }
  const hold = new RepaintHold(map, { holding: () => holding, limitMs, now: () => now, later: (callback, ms) => timers.push({ at: now + ms, callback }) })
  return {
    map, hold,
    repaints: () => repaints,
    setHolding: (value: boolean) => { holding = value },
    advance: (ms: number) => { now += ms },
    runTimers: () => timers.splice(0).forEach(timer => timer.at <= now ? timer.callback() : timers.push(timer)),
  }
}

describe('holding map repaints while a redraw is under way', () => {
  it('passes repaints straight through when nothing is under way', () => {
    const { map, repaints } = setup()
    map.triggerRepaint()
    map.triggerRepaint()
    expect(repaints()).toBe(2)
  })

  it('holds the repaints asked for during a redraw and lets one through on release', () => {
    const { map, hold, repaints, setHolding } = setup()
    setHolding(true)
    map.triggerRepaint()
    map.triggerRepaint()
    map.triggerRepaint()
    expect(repaints()).toBe(0)
    setHolding(false)
    hold.release()
    expect(repaints()).toBe(1)
  })

  it('releases nothing when no repaint was held', () => {
    const { hold, repaints } = setup()
    hold.release()
    expect(repaints()).toBe(0)
  })

  it('lets a repaint through once one has waited the limit, so a slow redraw never freezes the map', () => {
    const { map, repaints, setHolding, advance } = setup(400)
    setHolding(true)
    map.triggerRepaint()
    advance(399)
    map.triggerRepaint()
    expect(repaints()).toBe(0)
    advance(1)
    map.triggerRepaint()
    expect(repaints()).toBe(1)
    // The wait starts again from the next held repaint.
    map.triggerRepaint()
    expect(repaints()).toBe(1)
  })

  it('lets a held repaint through at the limit even when nothing else asks for one', () => {
    const { map, repaints, setHolding, advance, runTimers } = setup(400)
    setHolding(true)
    map.triggerRepaint()
    advance(399)
    runTimers()
    expect(repaints()).toBe(0)
    advance(1)
    runTimers()
    expect(repaints()).toBe(1)
  })

  it('does not repaint twice when released before the limit', () => {
    const { map, hold, repaints, setHolding, advance, runTimers } = setup(400)
    setHolding(true)
    map.triggerRepaint()
    setHolding(false)
    hold.release()
    advance(400)
    runTimers()
    expect(repaints()).toBe(1)
  })
})
