// A node's copy of the cluster's presence members: loaded from Redis, followed from the bus, shown to new subscribers.
import { describe, expect, it } from 'vitest'
import { parseInfo, PresenceMirror } from '../../../../../server/realtime/cluster/presence-mirror'

describe('PresenceMirror', () => {
  it('loads the members Redis holds, parsing their stored user_info', () => {
    const mirror = new PresenceMirror()
    mirror.load('presence-room', { u1: '{"name":"Ada"}', u2: 'null' })
    expect(mirror.snapshot('presence-room')).toEqual({ ids: ['u1', 'u2'], hash: { u1: { name: 'Ada' }, u2: null }, count: 2 })
    expect(mirror.known()).toEqual(['presence-room'])
  })

  it('replaces what it had on a reload, and forgets a channel Redis holds no members of', () => {
    const mirror = new PresenceMirror()
    mirror.add('presence-room', 'stale', null)
    mirror.load('presence-room', { u1: '{}' })
    expect(mirror.snapshot('presence-room').ids).toEqual(['u1'])
    mirror.load('presence-room', {})
    expect(mirror.known()).toEqual([])
    expect(mirror.snapshot('presence-room')).toEqual({ ids: [], hash: {}, count: 0 })
  })

  it('follows joins and leaves from the bus, forgetting a channel when its last member leaves', () => {
    const mirror = new PresenceMirror()
    mirror.add('presence-room', 'u1', { name: 'Ada' })
    mirror.add('presence-room', 'u2', null)
    mirror.add('presence-room', 'u1', { name: 'Ada L.' })
    expect(mirror.snapshot('presence-room')).toEqual({ ids: ['u1', 'u2'], hash: { u1: { name: 'Ada L.' }, u2: null }, count: 2 })
    mirror.remove('presence-room', 'u1')
    mirror.remove('presence-room', 'nobody')
    mirror.remove('presence-other', 'u1')
    expect(mirror.snapshot('presence-room').ids).toEqual(['u2'])
    mirror.remove('presence-room', 'u2')
    expect(mirror.known()).toEqual([])
  })

  it('lists a joining user who is not known yet, once, without changing what it holds', () => {
    const mirror = new PresenceMirror()
    mirror.add('presence-room', 'u1', null)
    expect(mirror.snapshot('presence-room', { userId: 'u2', info: { name: 'Bo' } })).toEqual({ ids: ['u1', 'u2'], hash: { u1: null, u2: { name: 'Bo' } }, count: 2 })
    expect(mirror.snapshot('presence-room', { userId: 'u1', info: { name: 'new' } })).toEqual({ ids: ['u1'], hash: { u1: null }, count: 1 })
    expect(mirror.snapshot('presence-room').count).toBe(1)
  })
})

describe('parseInfo', () => {
  it('turns stored JSON back into a value, and unreadable text into null', () => {
    expect(parseInfo('{"name":"Ada"}')).toEqual({ name: 'Ada' })
    expect(parseInfo('not json')).toBeNull()
  })
})
