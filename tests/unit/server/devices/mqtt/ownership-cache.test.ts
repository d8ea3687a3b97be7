// A connection's ownership answers: one lookup per entity at a time, a yes kept, a no or a failure asked again.
import { describe, expect, it } from 'vitest'
import type { DeviceEntity } from '../../../../../server/domain/device-ownership'
import { cachedOwnership } from '../../../../../server/devices/mqtt/ownership-cache'
import { deferred } from '../../../../support/deferred'

const node = (uid: string): DeviceEntity => ({ kind: 'node', uid })

/** A lookup whose answers the test gives, recording what was asked. */
function controlledLookup() {
  const asked: string[] = []
  const answers: Array<ReturnType<typeof deferred<boolean>>> = []
  const lookup = (entity: DeviceEntity) => {
    asked.push(entity.kind === 'node' ? entity.uid : '?')
    const answer = deferred<boolean>()
    answers.push(answer)
    return answer.promise
  }
  return { asked, answers, lookup }
}

describe('cachedOwnership', () => {
  it('asks once for many messages of one entity that arrive while the answer is awaited', async () => {
    const { asked, answers, lookup } = controlledLookup()
    const owns = cachedOwnership(lookup)
    const pending = Array.from({ length: 50 }, () => owns(node('gh-1')))
    expect(asked).toEqual(['gh-1'])
    answers[0]!.resolve(true)
    expect(await Promise.all(pending)).toEqual(Array.from({ length: 50 }, () => true))
    expect(await owns(node('gh-1'))).toBe(true)
    expect(asked).toEqual(['gh-1'])
  })

  it('asks each entity on its own', async () => {
    const { asked, answers, lookup } = controlledLookup()
    const owns = cachedOwnership(lookup)
    const both = Promise.all([owns(node('gh-1')), owns(node('gh-2'))])
    answers.forEach(answer => answer.resolve(true))
    expect(await both).toEqual([true, true])
    expect(asked).toEqual(['gh-1', 'gh-2'])
  })

  it('asks again after a no (the entity may be created later) and after a failed lookup', async () => {
    const { asked, answers, lookup } = controlledLookup()
    const owns = cachedOwnership(lookup)
    const first = owns(node('gh-9'))
    answers[0]!.resolve(false)
    expect(await first).toBe(false)
    const second = owns(node('gh-9'))
    answers[1]!.reject(new Error('database unavailable'))
    await expect(second).rejects.toThrow('database unavailable')
    const third = owns(node('gh-9'))
    answers[2]!.resolve(true)
    expect(await third).toBe(true)
    expect(asked).toEqual(['gh-9', 'gh-9', 'gh-9'])
  })
})
