import { describe, expect, it } from 'vitest'
import type { Subscribe } from '../../../../../app/utils/realtime/follow-events'
import { followEvents } from '../../../../../app/utils/realtime/follow-events'

/** A subscribe function that records subscriptions and lets the test fire gaps and see unsubscribes. */
function fakeSubscribe() {
  const active: Array<{ channel: string, event: string, tag: string, onGap?: () => void }> = []
  const subscribe: Subscribe = (channel, event, _handler, options) => {
    const entry = { channel, event, tag: options.componentTag, onGap: options.onGap }
    active.push(entry)
    return () => active.splice(active.indexOf(entry), 1)
  }
  return { subscribe, active }
}

describe('followEvents', () => {
  it('subscribes every event under the component tag and loads once at once', () => {
    const { subscribe, active } = fakeSubscribe()
    let loads = 0
    followEvents(subscribe, [['a', 'x', () => {}], ['b', 'y', () => {}]], { componentTag: 'Page', reload: () => { loads += 1 } })
    expect(active.map(({ channel, event, tag }) => [channel, event, tag])).toEqual([['a', 'x', 'Page'], ['b', 'y', 'Page']])
    expect(loads).toBe(1)
  })

  it('reloads when any followed channel reports a gap', () => {
    const { subscribe, active } = fakeSubscribe()
    let loads = 0
    followEvents(subscribe, [['a', 'x', () => {}], ['b', 'y', () => {}]], { componentTag: 'Page', reload: () => { loads += 1 }, loadNow: false })
    expect(loads).toBe(0)
    active[1]!.onGap?.()
    active[0]!.onGap?.()
    expect(loads).toBe(2)
  })

  it('returns one function that stops every subscription', () => {
    const { subscribe, active } = fakeSubscribe()
    const stop = followEvents(subscribe, [['a', 'x', () => {}], ['a', 'z', () => {}]], { componentTag: 'Page', reload: () => {} })
    stop()
    expect(active).toEqual([])
  })
})
