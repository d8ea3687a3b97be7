// The per-address socket counter behind LOOKOUT_MAX_CONNECTIONS_PER_IP.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AddressSlots } from '../../../../server/realtime/address-slots'

describe('AddressSlots', () => {
  it('gives an address `limit` slots and refuses the next', () => {
    const slots = new AddressSlots(3)
    const taken = [1, 2, 3].map(() => slots.acquire('10.0.0.1'))
    expect(taken.every(release => typeof release === 'function')).toBe(true)
    expect(slots.acquire('10.0.0.1')).toBeNull()
    expect(slots.count('10.0.0.1')).toBe(3)
  })

  it('counts each address on its own', () => {
    const slots = new AddressSlots(1)
    expect(slots.acquire('10.0.0.1')).not.toBeNull()
    expect(slots.acquire('10.0.0.2')).not.toBeNull()
    expect(slots.acquire('10.0.0.1')).toBeNull()
  })

  it('lets a new socket in once one is released, and forgets an address at zero', () => {
    const slots = new AddressSlots(2)
    const first = slots.acquire('::1')!
    slots.acquire('::1')
    expect(slots.acquire('::1')).toBeNull()
    first()
    expect(slots.count('::1')).toBe(1)
    const third = slots.acquire('::1')!
    expect(third).not.toBeNull()
    third()
    expect(slots.addresses).toBe(1)
  })

  it('ignores a second release of the same slot', () => {
    const slots = new AddressSlots(2)
    const release = slots.acquire('10.0.0.1')!
    slots.acquire('10.0.0.1')
    release()
    release()
    expect(slots.count('10.0.0.1')).toBe(1)
  })

  it('never limits with 0', () => {
    const slots = new AddressSlots(0)
    for (let i = 0; i < 10_000; i += 1) expect(slots.acquire('10.0.0.1')).not.toBeNull()
    expect(slots.count('10.0.0.1')).toBe(10_000)
  })

  it('matches a model under any order of acquires and releases, and ends empty', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('acquire' as const), address: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('release' as const), index: fc.nat(50) }),
    )
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (limit, steps) => {
      const slots = new AddressSlots(limit)
      const held: Array<{ address: string, release: () => void }> = []
      const model = new Map<string, number>()
      for (const item of steps) {
        if (item.kind === 'acquire') {
          const release = slots.acquire(item.address)
          const count = model.get(item.address) ?? 0
          expect(release === null).toBe(count >= limit)
          if (release) {
            held.push({ address: item.address, release })
            model.set(item.address, count + 1)
          }
        }
        else if (held.length > 0) {
          const [slot] = held.splice(item.index % held.length, 1)
          slot!.release()
          slot!.release()
          model.set(slot!.address, model.get(slot!.address)! - 1)
        }
        for (const address of ['a', 'b', 'c']) expect(slots.count(address)).toBe(model.get(address) ?? 0)
      }
      for (const slot of held) slot.release()
      expect(slots.addresses).toBe(0)
    }), { numRuns: 300 })
  })
})
