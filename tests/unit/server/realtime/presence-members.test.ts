import { describe, expect, it } from 'vitest'
import { PresenceMembers } from '../../../../server/realtime/presence-members'

describe('PresenceMembers', () => {
  it('announces a join only for the first socket of a user', () => {
    const members = new PresenceMembers()
    expect(members.add('u1', { name: 'Ada' })).toBe(true)
    expect(members.add('u1', { name: 'Ada' })).toBe(false)
    expect(members.add('u2', null)).toBe(true)
    expect(members.count).toBe(2)
  })

  it('announces a leave only when the last socket of a user goes', () => {
    const members = new PresenceMembers()
    members.add('u1', null)
    members.add('u1', null)
    expect(members.remove('u1')).toBe(false)
    expect(members.count).toBe(1)
    expect(members.remove('u1')).toBe(true)
    expect(members.count).toBe(0)
  })

  it('ignores the removal of an unknown user', () => {
    const members = new PresenceMembers()
    expect(members.remove('ghost')).toBe(false)
    members.add('u1', null)
    members.remove('u1')
    expect(members.remove('u1')).toBe(false)
  })

  it('gives a snapshot of ids, info by id and count', () => {
    const members = new PresenceMembers()
    members.add('u1', { name: 'Ada' })
    members.add('u2', undefined)
    members.add('u1', { name: 'Ada' })
    expect(members.snapshot()).toEqual({ ids: ['u1', 'u2'], hash: { u1: { name: 'Ada' }, u2: null }, count: 2 })
  })

  it('keeps the newest info of a user with several sockets', () => {
    const members = new PresenceMembers()
    members.add('u1', { name: 'old' })
    members.add('u1', { name: 'new' })
    expect(members.snapshot().hash).toEqual({ u1: { name: 'new' } })
  })

  it('gives an empty snapshot when nobody is present', () => {
    expect(new PresenceMembers().snapshot()).toEqual({ ids: [], hash: {}, count: 0 })
  })
})
