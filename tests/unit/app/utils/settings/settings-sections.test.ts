import { describe, expect, it } from 'vitest'
import { mayConfigure, settingsSections } from '../../../../../app/utils/settings/settings-sections'

describe('who sees which Settings sections', () => {
  it('gives admins equipment, users and tokens; operators equipment only; viewers nothing', () => {
    expect(settingsSections('admin').map(section => section.label)).toEqual(['Zones', 'Nodes', 'Gateways', 'Vehicles', 'Users', 'API tokens'])
    expect(settingsSections('operator').map(section => section.label)).toEqual(['Zones', 'Nodes', 'Gateways', 'Vehicles'])
    expect(settingsSections('viewer')).toEqual([])
  })

  it('lets only admins change configuration', () => {
    expect([mayConfigure('admin'), mayConfigure('operator'), mayConfigure('viewer')]).toEqual([true, false, false])
  })
})
