import { describe, expect, it } from 'vitest'
import { qualityColor, qualityLabel } from '../../../../../app/utils/gateways/quality'

describe('reading quality', () => {
  it('labels and colours each quality, and the absence of a reading', () => {
    expect([qualityLabel('good'), qualityLabel('uncertain'), qualityLabel('bad'), qualityLabel(null)]).toEqual(['good', 'uncertain', 'bad', 'no reading'])
    expect([qualityColor('good'), qualityColor('uncertain'), qualityColor('bad'), qualityColor(null)]).toEqual(['success', 'warning', 'error', 'neutral'])
  })

  it('drops the good badge of a stale value, but keeps bad and uncertain warnings', () => {
    expect([qualityLabel('good', true), qualityLabel('uncertain', true), qualityLabel('bad', true), qualityLabel(null, true)]).toEqual(['stale', 'uncertain', 'bad', 'no reading'])
    expect([qualityColor('good', true), qualityColor('uncertain', true), qualityColor('bad', true)]).toEqual(['neutral', 'warning', 'error'])
  })
})
