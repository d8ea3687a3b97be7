import { describe, expect, it } from 'vitest'
import { freeAreaOffset, inFreeArea, PANEL_WIDTH_PX } from '../../../../../app/utils/map/focus-camera'

describe('keeping a picked vehicle out from under its panel', () => {
  it('on wide screens the panel covers the right side', () => {
    expect(inFreeArea({ x: 100, y: 700 }, 800, 720, true)).toBe(true)
    expect(inFreeArea({ x: 800 - PANEL_WIDTH_PX + 1, y: 100 }, 800, 720, true)).toBe(false)
    expect(freeAreaOffset(true)).toEqual([-PANEL_WIDTH_PX / 2, 0])
  })

  it('on narrow screens the panel sits below the map: the whole map is free and the vehicle is centred', () => {
    expect(inFreeArea({ x: 370, y: 100 }, 375, 480, false)).toBe(true)
    expect(inFreeArea({ x: 100, y: 470 }, 375, 480, false)).toBe(true)
    expect(inFreeArea({ x: 100, y: 481 }, 375, 480, false)).toBe(false)
    expect(freeAreaOffset(false)).toEqual([0, 0])
  })

  it('a point off the map is never free', () => {
    expect(inFreeArea({ x: -1, y: 10 }, 800, 720, true)).toBe(false)
    expect(inFreeArea({ x: 10, y: -1 }, 800, 720, false)).toBe(false)
  })
})
