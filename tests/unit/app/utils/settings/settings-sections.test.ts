import { describe, expect, it } from 'vitest'
import { mayConfigure, settingsSections } from '../../../../../app/utils/settings/settings-sections'

describe('who sees which Settings sections', () => {
  it('gives admins equipment, users and tokens; operators equipment only; viewers nothing', () => {
    expect(settingsSections('admin').map(section => section.labelKey)).toEqual(['zones', 'nodes', 'gateways', 'vehicles', 'users', 'tokens'].map(name => `settings.sections.${name}`))
    expect(settingsSections('operator').map(section => section.labelKey)).toEqual(['zones', 'nodes', 'gateways', 'vehicles'].map(name => `settings.sections.${name}`))
    expect(settingsSections('viewer')).toEqual([])
  })

  it('lets only admins change configuration', () => {
    expect([mayConfigure('admin'), mayConfigure('operator'), mayConfigure('viewer')]).toEqual([true, false, false])
  })
})
