import { describe, expect, it } from 'vitest'
import { arrowImage } from '../../../../../app/utils/map/map-images'

describe('the heading arrow image', () => {
  const size = 28
  const image = arrowImage(size)
  const alpha = (x: number, y: number) => image.data[(y * size + x) * 4 + 3]!
  const red = (x: number, y: number) => image.data[(y * size + x) * 4]!

  it('is RGBA pixels of the asked size', () => {
    expect(image).toMatchObject({ width: size, height: size })
    expect(image.data).toHaveLength(size * size * 4)
  })

  it('points up (north): solid near the top middle, clear in the top corners and the bottom middle notch', () => {
    expect(alpha(14, 6)).toBe(255)
    expect(alpha(1, 1)).toBe(0)
    expect(alpha(26, 1)).toBe(0)
    expect(alpha(14, 24)).toBe(0)
  })

  it('is white inside with a dark outline', () => {
    expect(red(14, 14)).toBe(255)
    const outline = Array.from({ length: size }, (_, y) => y).find(y => alpha(14, y) > 128)!
    expect(red(14, outline)).toBeLessThan(128)
  })
})
