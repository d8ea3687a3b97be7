// How a reading's quality is shown: a label and a badge colour, the same on every gateway page.
import type { Quality } from '#shared/events'

export type QualityColor = 'success' | 'warning' | 'error' | 'neutral'

const COLORS: Record<Quality, QualityColor> = { good: 'success', uncertain: 'warning', bad: 'error' }

/** The badge text of a quality; 'no reading' before the first one. */
export function qualityLabel(quality: Quality | null): string {
  return quality ?? 'no reading'
}

/** The badge colour of a quality. */
export function qualityColor(quality: Quality | null): QualityColor {
  return quality ? COLORS[quality] : 'neutral'
}
