// How zone metrics are named, measured and ordered on the zone pages.

const LABELS: Record<string, string> = { ph: 'pH', ec: 'EC', co2: 'CO₂', vpd: 'VPD', ppfd: 'PPFD', water_level: 'Water level' }
const UNITS: Record<string, string> = { temperature: '°C', humidity: '%', ec: 'mS/cm', water_level: '%', co2: 'ppm', vpd: 'kPa', ppfd: 'µmol/m²/s' }
/** Climate first, then nutrient solution: the order growers read a zone in. */
const ORDER = ['temperature', 'humidity', 'ph', 'ec', 'water_level']

/** Display name of a metric ('ph' → 'pH', 'soil_moisture' → 'Soil moisture'). */
export function metricLabel(metric: string): string {
  const known = LABELS[metric.toLowerCase()]
  if (known) return known
  const words = metric.replace(/[_.-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Unit of a metric, '' when it has none or is unknown. */
export function metricUnit(metric: string): string {
  return UNITS[metric.toLowerCase()] ?? ''
}

/** A value with its unit, rounded to two decimals ('23.46 °C', '65%', '6.1'). */
export function formatMetric(metric: string, value: number): string {
  const unit = metricUnit(metric)
  const shown = String(Math.round(value * 100) / 100)
  return unit ? `${shown}${unit === '%' ? '' : ' '}${unit}` : shown
}

/** Metrics sorted the way the page shows them: known ones in a fixed order, then the rest alphabetically. */
export function sortMetrics(metrics: Iterable<string>): string[] {
  const rank = (metric: string) => (ORDER.includes(metric) ? ORDER.indexOf(metric) : ORDER.length)
  return [...new Set(metrics)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
