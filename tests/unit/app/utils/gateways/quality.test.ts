import { describe, expect, it } from 'vitest'
import { qualityColor, qualityLabel } from '../../../../../app/utils/gateways/quality'
import { translator } from '../../../../support/translators'

const en = translator('en')

describe('reading quality', () => {
  it('labels and colours each quality, and the absence of a reading', () => {
    expect([qualityLabel('good', en), qualityLabel('uncertain', en), qualityLabel('bad', en), qualityLabel(null, en)]).toEqual(['good', 'uncertain', 'bad', 'no reading'])
    expect([qualityColor('good'), qualityColor('uncertain'), qualityColor('bad'), qualityColor(null)]).toEqual(['success', 'warning', 'error', 'neutral'])
  })

  it('drops the good badge of a stale value, but keeps bad and uncertain warnings', () => {
    expect([qualityLabel('good', en, true), qualityLabel('uncertain', en, true), qualityLabel('bad', en, true), qualityLabel(null, en, true)]).toEqual(['stale', 'uncertain', 'bad', 'no reading'])
    expect([qualityColor('good', true), qualityColor('uncertain', true), qualityColor('bad', true)]).toEqual(['neutral', 'warning', 'error'])
  })

  it('labels qualities in Russian and Polish', () => {
    const ru = translator('ru')
    const pl = translator('pl')
    expect([qualityLabel('good', ru), qualityLabel('bad', ru), qualityLabel('good', ru, true), qualityLabel(null, ru)]).toEqual(['хорошее', 'плохое', 'устарело', 'нет показаний'])
    expect([qualityLabel('good', pl), qualityLabel('uncertain', pl), qualityLabel('good', pl, true), qualityLabel(null, pl)]).toEqual(['dobra', 'niepewna', 'nieaktualna', 'brak odczytu'])
  })
})
