import { describe, expect, it } from 'vitest'
import { ConcurrencyGate } from '../../../../../server/devices/modbus/concurrency-gate'

describe('ConcurrencyGate', () => {
  it('runs at most `limit` works at once and all of them in the end', async () => {
    const gate = new ConcurrencyGate(3)
    let running = 0
    let most = 0
    const releases: Array<() => void> = []
    const works = Array.from({ length: 10 }, (_, index) => gate.run(async () => {
      running++
      most = Math.max(most, running)
      await new Promise<void>(resolve => releases.push(resolve))
      running--
      return index
    }))
    for (let done = 0; done < 10; done++) {
      while (releases.length === 0) await new Promise(resolve => setImmediate(resolve))
      releases.shift()!()
    }
    expect(await Promise.all(works)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(most).toBe(3)
  })

  it('frees the slot of a work that throws', async () => {
    const gate = new ConcurrencyGate(1)
    await expect(gate.run(async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})
