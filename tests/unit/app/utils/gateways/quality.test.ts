import { describe, expect, it } from 'vitest'
import { qualityColor, qualityLabel } from '../../../../../app/utils/gateways/quality'

describe('reading quality', () => {
  it('labels and colours each quality, and the absence of a reading', () => {
    expect([qualityLabel('good'), qualityLabel('uncertain'), qualityLabel('bad'), qualityLabel(null)]).toEqual(['good', 'uncertain', 'bad', 'no reading'])
    expect([qualityColor('good'), qualityColor('uncertain'), qualityColor('bad'), qualityColor(null)]).toEqual(['success', 'warning', 'error', 'neutral'])
  })
})
