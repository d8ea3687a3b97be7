import { describe, expect, it } from 'vitest'
import { notificationLink, subjectLink } from '../../../../../app/utils/activity/subject-link'
import { activityTone } from '../../../../../app/utils/activity/activity-tone'

describe('links to what an activity row is about', () => {
  it('leads to the zone, gateway or vehicle named, the most specific first', () => {
    expect(subjectLink({ alertId: 4, zoneId: 2 })).toBe('/zones/2')
    expect(subjectLink({ gatewayId: 7, serial: 'GW-1' } as never)).toBe('/gateways/7')
    expect(subjectLink({ vehicleId: 3, geozoneId: 9 })).toBe('/map?vehicle=3')
    expect(subjectLink({ deviceId: 5 })).toBe('/devices')
    expect(subjectLink({ alertId: 5, zoneId: null })).toBe('/alerts')
  })

  it('links nowhere for subjects without a usable id', () => {
    expect(subjectLink({})).toBeNull()
    expect(subjectLink({ zoneId: '3', gatewayId: -1 })).toBeNull()
  })

  it('sends alert notifications to the alerts and vehicle ones to the map', () => {
    expect(['alert', 'geozone', 'speeding', 'other'].map(notificationLink)).toEqual(['/alerts', '/map', '/map', null])
  })
})

describe('activity colours', () => {
  it('colours raised alerts and failures red, outages amber, recoveries green, the rest plain', () => {
    expect(['alert.raised', 'command.failed', 'gateway.offline', 'speeding', 'alert.resolved', 'gateway.online', 'alert.acknowledged', 'zone.created']
      .map(activityTone)).toEqual(['error', 'error', 'warning', 'warning', 'success', 'success', 'info', 'neutral'])
  })
})
