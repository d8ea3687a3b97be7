// How zone metrics are named, measured and ordered on the zone pages.
import type { Translate } from '../i18n/translate'

/** Metrics with a name of their own in the messages (`zones.metrics.<metric>`). */
const NAMED = new Set(['temperature', 'humidity', 'ph', 'ec', 'co2', 'vpd', 'ppfd', 'water_level', 'soil_moisture'])
/** Metrics with a unit in the messages (`zones.units.<metric>`). */
const WITH_UNIT = new Set(['temperature', 'humidity', 'ec', 'water_level', 'co2', 'vpd', 'ppfd'])
/** Climate first, then nutrient solution: the order growers read a zone in. */
const ORDER = ['temperature', 'humidity', 'ph', 'ec', 'water_level']

/** Display name of a metric in `t`'s language ('ph' → 'pH'); an unknown one from its own name ('leaf_temp' → 'Leaf temp'). */
export function metricLabel(metric: string, t: Translate): string {
  const key = metric.toLowerCase()
  if (NAMED.has(key)) return t(`zones.metrics.${key}`)
  const words = metric.replace(/[_.-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Unit of a metric in `t`'s language, '' when it has none or is unknown. */
export function metricUnit(metric: string, t: Translate): string {
  const key = metric.toLowerCase()
  return WITH_UNIT.has(key) ? t(`zones.units.${key}`) : ''
}

/** A value with its unit, rounded to two decimals ('23.46 °C', '65%', '6.1'); `formatNumber` writes the number for the reader's locale. */
export function formatMetric(metric: string, value: number, t: Translate, formatNumber: (value: number) => string = String): string {
  const unit = metricUnit(metric, t)
  const shown = formatNumber(Math.round(value * 100) / 100)
  return unit ? `${shown}${unit === '%' ? '' : ' '}${unit}` : shown
}

/** Metrics sorted the way the page shows them: known ones in a fixed order, then the rest alphabetically. */
export function sortMetrics(metrics: Iterable<string>): string[] {
  const rank = (metric: string) => (ORDER.includes(metric) ? ORDER.indexOf(metric) : ORDER.length)
  return [...new Set(metrics)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
