import { describe, expect, it } from 'vitest'
import { chartTheme } from '../../../../components/charts/chart-theme'

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05)

describe('chart axis colours', () => {
  it('tick labels reach 4.5:1 contrast on the dark background (neutral-900) and on white', () => {
    expect(contrast(chartTheme(true).text, '#171717')).toBeGreaterThanOrEqual(4.5)
    expect(contrast(chartTheme(false).text, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('uses light grid lines on dark and dark ones on light', () => {
    expect(chartTheme(true).grid).toMatch(/^rgba\(212, 212, 216/)
    expect(chartTheme(false).grid).toMatch(/^rgba\(63, 63, 70/)
  })
})
