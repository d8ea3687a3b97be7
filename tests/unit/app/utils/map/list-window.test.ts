// The vehicle list renders only the rows in view: the window's rows and the space standing in for the rest.
import { describe, expect, it } from 'vitest'
import { listWindow } from '../../../../../app/utils/map/list-window'

describe('listWindow', () => {
  it('renders the rows in view plus the overscan below at the top of a long list', () => {
    // 10 rows of 50 px fit in 500 px; one more for a row cut at the edge, 4 below.
    expect(listWindow(5000, 50, 0, 500, 4)).toEqual({ start: 0, end: 15, before: 0, after: (5000 - 15) * 50 })
  })

  it('keeps the overscan above and below when scrolled into the middle', () => {
    const window = listWindow(5000, 50, 1025, 500, 4)
    expect(window.start).toBe(16)
    expect(window.end).toBe(35)
    expect(window.before).toBe(16 * 50)
    expect(window.before + (window.end - window.start) * 50 + window.after).toBe(5000 * 50)
  })

  it('stops at the end of the list when scrolled to the bottom or past it', () => {
    expect(listWindow(100, 50, 4500, 500, 4)).toEqual({ start: 86, end: 100, before: 86 * 50, after: 0 })
    expect(listWindow(100, 50, 99_999, 500, 4)).toEqual({ start: 95, end: 100, before: 95 * 50, after: 0 })
  })

  it('renders every row of a list shorter than its view', () => {
    expect(listWindow(3, 50, 0, 500)).toEqual({ start: 0, end: 3, before: 0, after: 0 })
  })

  it('renders at least one row before the view has a height, and nothing for an empty list', () => {
    expect(listWindow(5000, 50, 0, 0, 0)).toEqual({ start: 0, end: 1, before: 0, after: 4999 * 50 })
    expect(listWindow(0, 50, 0, 500)).toEqual({ start: 0, end: 0, before: 0, after: 0 })
  })

  it('treats a negative scroll (overscroll bounce) as the top', () => {
    expect(listWindow(5000, 50, -80, 500, 2).start).toBe(0)
  })
})
