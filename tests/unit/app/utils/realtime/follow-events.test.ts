import { describe, expect, it } from 'vitest'
import type { Subscribe } from '../../../../../app/utils/realtime/follow-events'
import { followEvents } from '../../../../../app/utils/realtime/follow-events'

interface Active { channel: string, event: string, tag: string, onGap?: () => void, onReady?: () => void }

/** A subscribe function that records subscriptions; channels in `ready` report ready at once, as the registry does. */
function fakeSubscribe(ready: string[] = []) {
  const active: Active[] = []
  const subscribe: Subscribe = (channel, event, _handler, options) => {
    const entry = { channel, event, tag: options.componentTag, onGap: options.onGap, onReady: options.onReady }
    active.push(entry)
    if (ready.includes(channel)) options.onReady?.()
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

  it('loads again once every followed channel is ready, so an event before the confirmation is not lost', () => {
    const { subscribe, active } = fakeSubscribe()
    let loads = 0
    followEvents(subscribe, [['a', 'x', () => {}], ['b', 'y', () => {}]], { componentTag: 'Page', reload: () => { loads += 1 } })
    active[0]!.onReady?.()
    expect(loads).toBe(1)
    active[1]!.onReady?.()
    expect(loads).toBe(2)
  })

  it('loads only once when every channel was ready already (nothing can have been missed)', () => {
    const { subscribe } = fakeSubscribe(['a', 'b'])
    let loads = 0
    followEvents(subscribe, [['a', 'x', () => {}], ['b', 'y', () => {}]], { componentTag: 'Page', reload: () => { loads += 1 } })
    expect(loads).toBe(1)
  })

  it('without loadNow, loads only when the channels are ready', () => {
    const { subscribe, active } = fakeSubscribe(['a'])
    let loads = 0
    followEvents(subscribe, [['a', 'x', () => {}], ['b', 'y', () => {}]], { componentTag: 'Page', reload: () => { loads += 1 }, loadNow: false })
    expect(loads).toBe(0)
    active[1]!.onReady?.()
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
