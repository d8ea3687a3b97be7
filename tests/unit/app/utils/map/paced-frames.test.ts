import { describe, expect, it } from 'vitest'
import { pacedFrames } from '../../../../../app/utils/map/paced-frames'

function setup(intervalMs = 1000) {
  let now = 0
  const timers: Array<{ at: number, callback: () => void }> = []
  const frames: Array<() => void> = []
  const schedule = pacedFrames({ intervalMs, now: () => now, later: (callback, ms) => timers.push({ at: now + ms, callback }), frame: callback => frames.push(callback) })
  return {
    schedule,
    advance: (ms: number) => {
      now += ms
      for (const timer of timers.splice(0)) {
        if (timer.at <= now) timer.callback()
        else timers.push(timer)
      }
    },
    runFrame: () => frames.splice(0).forEach(frame => frame()),
    waiting: () => timers.length,
  }
}

describe('handovers paced to one animation frame per interval', () => {
  it('runs the first callback at the next frame', () => {
    const { schedule, runFrame } = setup()
    let runs = 0
    schedule(() => runs++)
    expect(runs).toBe(0)
    runFrame()
    expect(runs).toBe(1)
  })

  it('waits until the interval since the last run has passed, then runs at the next frame', () => {
    const { schedule, advance, runFrame, waiting } = setup(1000)
    let runs = 0
    schedule(() => runs++)
    runFrame()
    advance(300)
    schedule(() => runs++)
    runFrame()
    expect(runs).toBe(1)
    expect(waiting()).toBe(1)
    advance(699)
    runFrame()
    expect(runs).toBe(1)
    advance(1)
    expect(runs).toBe(1)
    runFrame()
    expect(runs).toBe(2)
  })

  it('runs at the next frame when the last run is an interval old', () => {
    const { schedule, advance, runFrame, waiting } = setup(1000)
    let runs = 0
    schedule(() => runs++)
    runFrame()
    advance(1500)
    schedule(() => runs++)
    expect(waiting()).toBe(0)
    runFrame()
    expect(runs).toBe(2)
  })
})
