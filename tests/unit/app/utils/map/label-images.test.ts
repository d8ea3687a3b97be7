import { describe, expect, it } from 'vitest'
import { parseLabelId } from '../../../../../app/utils/map/label-images'
import { LABEL_IMAGE_PREFIX } from '../../../../../app/utils/map/map-style'

describe('label image ids', () => {
  it('give back the theme and the name, colons in the name included', () => {
    expect(parseLabelId(`${LABEL_IMAGE_PREFIX}dark:Depot: north gate`)).toEqual({ theme: 'dark', text: 'Depot: north gate' })
    expect(parseLabelId(`${LABEL_IMAGE_PREFIX}light:Truck 7`)).toEqual({ theme: 'light', text: 'Truck 7' })
  })

  it('cut very long names with an ellipsis', () => {
    const label = parseLabelId(`${LABEL_IMAGE_PREFIX}light:${'x'.repeat(80)}`)!
    expect(label.text).toHaveLength(32)
    expect(label.text.endsWith('…')).toBe(true)
  })

  it('are not confused with other images', () => {
    expect(parseLabelId('cluster-count-12')).toBeNull()
    expect(parseLabelId(`${LABEL_IMAGE_PREFIX}sepia:Truck`)).toBeNull()
  })
})
