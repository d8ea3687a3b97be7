// Geozone toasts stay within a budget per time window; the rest of a burst is only listed.
import { describe, expect, it } from 'vitest'
import { ToastBudget } from '../../../../../app/utils/map/toast-budget'

describe('ToastBudget', () => {
  it('lets the first toasts of a burst through and holds the rest', () => {
    const budget = new ToastBudget(3, 5000)
    expect([0, 10, 20, 30, 40].map(at => budget.take(at))).toEqual([true, true, true, false, false])
  })

  it('frees a slot once the oldest toast is a window old', () => {
    const budget = new ToastBudget(2, 5000)
    budget.take(0)
    budget.take(1000)
    expect(budget.take(4999)).toBe(false)
    expect(budget.take(5000)).toBe(true)
    expect(budget.take(5500)).toBe(false)
    expect(budget.take(6000)).toBe(true)
  })

  it('does not count held toasts against later ones', () => {
    const budget = new ToastBudget(1, 1000)
    expect(budget.take(0)).toBe(true)
    for (let at = 100; at < 1000; at += 100) expect(budget.take(at)).toBe(false)
    expect(budget.take(1000)).toBe(true)
  })
})
