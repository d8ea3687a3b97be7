// Reading the cluster changes out of the Lua scripts' replies: each change once, malformed entries ignored.
import { describe, expect, it } from 'vitest'
import { joinChange, leaveChange, nodeStateChanges, subscriptionChange } from '../../../../../server/realtime/cluster/script-replies'

describe('subscriptionChange', () => {
  it('is channel_occupied when a subscription makes the count 1, channel_vacated when one makes it 0, else nothing', () => {
    expect(subscriptionChange('news', 1, 1)).toEqual({ name: 'channel_occupied', channel: 'news' })
    expect(subscriptionChange('news', 1, 2)).toBeNull()
    expect(subscriptionChange('news', -1, 0)).toEqual({ name: 'channel_vacated', channel: 'news' })
    expect(subscriptionChange('news', -1, 1)).toBeNull()
    // A count that went below zero was never occupied by this decrement.
    expect(subscriptionChange('news', -1, -1)).toBeNull()
  })
})

describe('joinChange and leaveChange', () => {
  it('report a member on their first socket in the cluster and after their last, as the scripts announce them', () => {
    expect(joinChange('presence-room', 'u1', 1)).toEqual({ name: 'member_added', channel: 'presence-room', userId: 'u1' })
    expect(joinChange('presence-room', 'u1', 2)).toBeNull()
    expect(leaveChange('presence-room', 'u1', 0)).toEqual({ name: 'member_removed', channel: 'presence-room', userId: 'u1' })
    expect(leaveChange('presence-room', 'u1', 1)).toBeNull()
  })
})

describe('nodeStateChanges', () => {
  it('reads occupied, vacated, added and removed entries in order', () => {
    expect(nodeStateChanges([['o', 'news'], ['a', 'presence-room', 'u1'], ['r', 'presence-room', 'u2'], ['v', 'old']])).toEqual([
      { name: 'channel_occupied', channel: 'news' },
      { name: 'member_added', channel: 'presence-room', userId: 'u1' },
      { name: 'member_removed', channel: 'presence-room', userId: 'u2' },
      { name: 'channel_vacated', channel: 'old' },
    ])
  })

  it('ignores a reply that is not a list and entries it does not understand', () => {
    expect(nodeStateChanges(0)).toEqual([])
    expect(nodeStateChanges([['a', 'presence-room'], ['z', 'news'], 'o', ['o']])).toEqual([])
  })
})
