// How a reading's quality is shown: a label and a badge colour, the same on every gateway page.
import type { Quality } from '#shared/events'
import type { Translate } from '../i18n/translate'

export type QualityColor = 'success' | 'warning' | 'error' | 'neutral'

const COLORS: Record<Quality, QualityColor> = { good: 'success', uncertain: 'warning', bad: 'error' }

/**
 * The badge text of a quality in `t`'s language; 'no reading' before the first one. A `stale` value (gateway offline or silent,
 * page not live) is no longer vouched for: 'good' becomes 'stale', while 'bad' and 'uncertain' still warn.
 */
export function qualityLabel(quality: Quality | null, t: Translate, stale = false): string {
  if (stale && quality === 'good') return t('gateways.quality.stale')
  return t(`gateways.quality.${quality ?? 'none'}`)
}

/** The badge colour of a quality (neutral for a stale 'good'). */
export function qualityColor(quality: Quality | null, stale = false): QualityColor {
  if (stale && quality === 'good') return 'neutral'
  return quality ? COLORS[quality] : 'neutral'
}
