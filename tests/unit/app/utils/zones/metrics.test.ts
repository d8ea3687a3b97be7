import { describe, expect, it } from 'vitest'
import { formatMetric, metricLabel, metricUnit, sortMetrics } from '../../../../../app/utils/zones/metrics'

describe('zone metrics', () => {
  it('names metrics as growers write them', () => {
    expect(metricLabel('ph')).toBe('pH')
    expect(metricLabel('water_level')).toBe('Water level')
    expect(metricLabel('soil_moisture')).toBe('Soil moisture')
  })

  it('formats values with their unit, rounded to two decimals', () => {
    expect(metricUnit('temperature')).toBe('°C')
    expect(formatMetric('temperature', 23.456)).toBe('23.46 °C')
    expect(formatMetric('humidity', 65)).toBe('65%')
    expect(formatMetric('ph', 6.1)).toBe('6.1')
  })

  it('orders climate, then nutrient solution, then anything else by name, without repeats', () => {
    expect(sortMetrics(['zz', 'ph', 'co2', 'temperature', 'ph', 'humidity'])).toEqual(['temperature', 'humidity', 'ph', 'co2', 'zz'])
  })
})
