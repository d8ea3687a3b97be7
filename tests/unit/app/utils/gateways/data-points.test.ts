import { describe, expect, it } from 'vitest'
import type { GatewayDataPoint } from '../../../../../app/utils/gateways/data-points'
import { applyReadings, formatValue, groupDataPoints, showsContact, unknownDataPoints } from '../../../../../app/utils/gateways/data-points'
import { localeFormat } from '../../../../../app/utils/i18n/locale-format'

function point(id: number, group: string, register: number, lastReadAt: string | null = null): GatewayDataPoint {
  return {
    id, gatewayId: 1, register, function: 'holding', dataType: 'uint16', wordOrder: 'big', scale: 1, offset: 0, unit: 'V', label: `P${id}`, group,
    lastValue: lastReadAt ? 1 : null, lastQuality: lastReadAt ? 'good' : null, lastReadAt, lastError: null,
  }
}

describe('gateway data points', () => {
  it('groups by group name, groups and points in name and register order', () => {
    const groups = groupDataPoints([point(1, 'Pump', 1), point(2, 'Power', 11), point(3, 'Pump', 0), point(4, 'Power', 10)])
    expect(groups.map(group => group.name)).toEqual(['Power', 'Pump'])
    expect(groups[1]!.points.map(member => member.register)).toEqual([0, 1])
    expect(groupDataPoints([])).toEqual([])
  })

  it('takes the newest reading of each point, with its quality and time', () => {
    const points = [point(1, 'Pump', 0, '2026-05-01T12:00:00Z'), point(2, 'Pump', 1)]
    const next = applyReadings(points, [
      { dataPointId: 1, value: 7, quality: 'good', recordedAt: '2026-05-01T12:00:05Z' },
      { dataPointId: 1, value: 8, quality: 'bad', recordedAt: '2026-05-01T12:00:06Z' },
      { dataPointId: 2, value: 3, quality: 'uncertain', recordedAt: '2026-05-01T12:00:01Z' },
    ])
    expect(next[0]).toMatchObject({ lastValue: 8, lastQuality: 'bad', lastReadAt: '2026-05-01T12:00:06Z' })
    expect(next[1]).toMatchObject({ lastValue: 3, lastQuality: 'uncertain' })
  })

  it('never lets an older reading (a replay, a late one) overwrite a newer value', () => {
    const points = [point(1, 'Pump', 0, '2026-05-01T12:00:10Z')]
    const next = applyReadings(points, [{ dataPointId: 1, value: 99, quality: 'good', recordedAt: '2026-05-01T12:00:05Z' }])
    expect(next[0]!.lastValue).toBe(1)
    expect(applyReadings(points, [])).toBe(points)
  })

  it('keeps a point\'s last good value and time when a poll could not read it, marked bad with the error', () => {
    const points = [point(1, 'Pump', 0, '2026-05-01T12:00:00Z')]
    const failed = applyReadings(points, [{ dataPointId: 1, value: 1, quality: 'bad', recordedAt: '2026-05-01T12:00:05Z', error: 'Modbus exception 2 (illegal data address)' }])
    expect(failed[0]).toMatchObject({ lastValue: 1, lastReadAt: '2026-05-01T12:00:00Z', lastQuality: 'bad', lastError: 'Modbus exception 2 (illegal data address)' })
    const recovered = applyReadings(failed, [{ dataPointId: 1, value: 4, quality: 'good', recordedAt: '2026-05-01T12:00:07Z' }])
    expect(recovered[0]).toMatchObject({ lastValue: 4, lastReadAt: '2026-05-01T12:00:07Z', lastQuality: 'good', lastError: null })
  })

  it('marks a point that was never read bad with the error when its first reads fail, still without a value', () => {
    const failed = applyReadings([point(1, 'Pump', 0)], [{ dataPointId: 1, value: null, quality: 'bad', recordedAt: '2026-05-01T12:00:05Z', error: 'Modbus exception 2 (illegal data address)' }])
    expect(failed[0]).toMatchObject({ lastValue: null, lastReadAt: null, lastQuality: 'bad', lastError: 'Modbus exception 2 (illegal data address)' })
  })

  it('takes readings as contact only when one of them is a value read, not when every read failed', () => {
    const good = { dataPointId: 1, value: 4, quality: 'good' as const, recordedAt: '2026-05-01T12:00:05Z' }
    const failed = { dataPointId: 2, value: null, quality: 'bad' as const, recordedAt: '2026-05-01T12:00:05Z', error: 'connection refused by 127.0.0.1:1502' }
    expect(showsContact([failed, good])).toBe(true)
    expect(showsContact([failed, { ...failed, dataPointId: 3, value: 7 }])).toBe(false)
  })

  it('names readings of points it does not know, once each', () => {
    const reading = (dataPointId: number) => ({ dataPointId, value: 1, quality: 'good' as const, recordedAt: '2026-05-01T12:00:00Z' })
    expect(unknownDataPoints([point(1, 'Pump', 0)], [reading(1), reading(5), reading(5)])).toEqual([5])
  })

  it('shows at most three decimals, ungrouped, in the reader\'s locale, and a dash before the first reading', () => {
    const en = localeFormat('en').number
    expect(formatValue(123.45000000001, en)).toBe('123.45')
    expect(formatValue(0.12345, en)).toBe('0.123')
    expect(formatValue(-2, en)).toBe('-2')
    expect(formatValue(12345.5, en)).toBe('12345.5')
    expect(formatValue(null, en)).toBe('—')
    expect(formatValue(12345.678_9, localeFormat('ru').number)).toBe('12345,679')
    expect(formatValue(0.5, localeFormat('pl').number)).toBe('0,5')
  })
})
