import { describe, expect, it } from 'vitest'
import { PacedCall } from '../../../../../app/utils/map/paced-call'

// A hand-driven clock and timer queue: the test decides when time passes.
function setup(intervalMs = 1000) {
  let now = 0
  let runs = 0
  const timers: Array<{ at: number, callback: () => void, cancelled: boolean }> = []
  const paced = new PacedCall({
    run: () => { runs++ },
    intervalMs,
    now: () => now,
    later: (callback, ms) => {
      const timer = { at: now + ms, callback, cancelled: false }
      timers.push(timer)
      return timer
    },
    cancel: (handle) => { (handle as { cancelled: boolean }).cancelled = true },
  })
  const advance = (ms: number) => {
    now += ms
    for (const timer of timers.splice(0)) {
      if (timer.cancelled) continue
      if (timer.at <= now) timer.callback()
      else timers.push(timer)
    }
  }
  return { paced, advance, runs: () => runs, pending: () => timers.filter(timer => !timer.cancelled).length }
}

describe('a call paced to one run per interval', () => {
  it('runs the first request at once', () => {
    const { paced, runs } = setup()
    paced.request()
    expect(runs()).toBe(1)
  })

  it('folds requests within the interval into one run when the interval has passed', () => {
    const { paced, advance, runs } = setup()
    paced.request()
    advance(100)
    paced.request()
    advance(100)
    paced.request()
    paced.request()
    expect(runs()).toBe(1)
    advance(799)
    expect(runs()).toBe(1)
    advance(1)
    expect(runs()).toBe(2)
  })

  it('runs at most once per interval under a steady stream of requests, and once after the last', () => {
    const { paced, advance, runs, pending } = setup()
    // Requests every 50 ms from 0 to 4950 ms: runs at 0, 1000 ... 4000 ms, one waiting for 5000 ms.
    for (let ms = 0; ms < 5000; ms += 50) {
      paced.request()
      if (ms < 4950) advance(50)
    }
    expect(runs()).toBe(5)
    expect(pending()).toBe(1)
    advance(1000)
    expect(runs()).toBe(6)
    expect(pending()).toBe(0)
  })

  it('runs a request at once when the last run is an interval old', () => {
    const { paced, advance, runs } = setup()
    paced.request()
    advance(5000)
    paced.request()
    expect(runs()).toBe(2)
  })

  it('runNow runs at once and drops the waiting run', () => {
    const { paced, advance, runs, pending } = setup()
    paced.request()
    paced.request()
    paced.runNow()
    expect(runs()).toBe(2)
    expect(pending()).toBe(0)
    advance(2000)
    expect(runs()).toBe(2)
  })

  it('cancel drops the waiting run', () => {
    const { paced, advance, runs } = setup()
    paced.request()
    paced.request()
    paced.cancel()
    advance(2000)
    expect(runs()).toBe(1)
  })
})
