import { describe, expect, it } from 'vitest'
import { formatMetric, metricLabel, metricUnit, sortMetrics } from '../../../../../app/utils/zones/metrics'
import { translator } from '../../../../support/translators'

const en = translator('en')

describe('zone metrics', () => {
  it('names metrics as growers write them', () => {
    expect(metricLabel('ph', en)).toBe('pH')
    expect(metricLabel('water_level', en)).toBe('Water level')
    expect(metricLabel('soil_moisture', en)).toBe('Soil moisture')
    expect(metricLabel('leaf_temp', en)).toBe('Leaf temp')
  })

  it('names known metrics and their units in Russian and Polish', () => {
    const ru = translator('ru')
    expect([metricLabel('temperature', ru), metricLabel('water_level', translator('pl')), metricLabel('ph', ru)]).toEqual(['Температура', 'Poziom wody', 'pH'])
    expect(formatMetric('ec', 1.234, ru)).toBe('1.23 мСм/см')
    expect(formatMetric('ec', 1.234, ru, value => value.toLocaleString('ru'))).toBe('1,23 мСм/см')
  })

  it('formats values with their unit, rounded to two decimals', () => {
    expect(metricUnit('temperature', en)).toBe('°C')
    expect(metricUnit('leaf_temp', en)).toBe('')
    expect(formatMetric('temperature', 23.456, en)).toBe('23.46 °C')
    expect(formatMetric('humidity', 65, en)).toBe('65%')
    expect(formatMetric('ph', 6.1, en)).toBe('6.1')
  })

  it('orders climate, then nutrient solution, then anything else by name, without repeats', () => {
    expect(sortMetrics(['zz', 'ph', 'co2', 'temperature', 'ph', 'humidity'])).toEqual(['temperature', 'humidity', 'ph', 'co2', 'zz'])
  })
})
