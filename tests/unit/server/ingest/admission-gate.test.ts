// The bound on device ingest in flight: admits under the capacity, makes senders wait in order beyond it.
import { describe, expect, it } from 'vitest'
import { AdmissionGate } from '../../../../server/ingest/admission-gate'

describe('AdmissionGate', () => {
  it('admits at once under the capacity and makes the sender that would pass it wait until room is given back', async () => {
    const gate = new AdmissionGate(10)
    await gate.enter(6)
    let admitted = false
    const waiting = gate.enter(6).then(() => { admitted = true })
    await Promise.resolve()
    expect([admitted, gate.waiting, gate.inFlight]).toEqual([false, 1, 6])
    gate.leave(6)
    await waiting
    expect([admitted, gate.waiting, gate.inFlight]).toEqual([true, 0, 6])
  })

  it('admits thousands of waiters one by one in arrival order, also while more arrive, and reports them waiting', async () => {
    const gate = new AdmissionGate(1)
    await gate.enter(1)
    const order: number[] = []
    const admitted = Array.from({ length: 3000 }, (_, index) => gate.enter(1).then(() => order.push(index)))
    expect(gate.waiting).toBe(3000)
    for (let index = 0; index < 2500; index++) gate.leave(1)
    const later = Array.from({ length: 500 }, (_, index) => gate.enter(1).then(() => order.push(3000 + index)))
    expect([gate.waiting, gate.full]).toEqual([1000, true])
    for (let index = 0; index < 1000; index++) gate.leave(1)
    await Promise.all([...admitted, ...later])
    expect(order).toEqual(Array.from({ length: 3500 }, (_, index) => index))
    expect([gate.waiting, gate.inFlight, gate.full]).toEqual([0, 1, true])
    gate.leave(1)
    expect(gate.full).toBe(false)
  })

  it('admits waiters oldest first, and a later light sender does not overtake a waiting heavy one', async () => {
    const gate = new AdmissionGate(10)
    await gate.enter(8)
    const order: string[] = []
    const heavy = gate.enter(5).then(() => order.push('heavy'))
    const light = gate.enter(1).then(() => order.push('light'))
    expect(gate.tryEnter(1)).toBe(false)
    gate.leave(8)
    await Promise.all([heavy, light])
    expect(order).toEqual(['heavy', 'light'])
    expect(gate.inFlight).toBe(6)
  })

  it('admits work heavier than the capacity alone, so it cannot wait forever', async () => {
    const gate = new AdmissionGate(10)
    await gate.enter(25)
    expect(gate.tryEnter(1)).toBe(false)
    gate.leave(25)
    expect(gate.tryEnter(10)).toBe(true)
  })
})
