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
