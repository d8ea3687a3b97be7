// Vehicle and geozone names on the map, drawn as images with a local sans-serif font: an offline map has no
// glyphs to fetch for text layers. The image id carries the theme and the text (see labelImageExpression).
import { LABEL_IMAGE_PREFIX } from './map-style'
import type { MapTheme } from './map-style'

/** Longest label drawn; longer names are cut with an ellipsis. */
const LABEL_MAX_CHARS = 32

/** The theme and text of a label image id (LABEL_IMAGE_PREFIX + theme + ':' + text), null for other ids. */
export function parseLabelId(id: string): { theme: MapTheme, text: string } | null {
  if (!id.startsWith(LABEL_IMAGE_PREFIX)) return null
  const rest = id.slice(LABEL_IMAGE_PREFIX.length)
  const colon = rest.indexOf(':')
  const theme = rest.slice(0, colon)
  if (theme !== 'light' && theme !== 'dark') return null
  const text = rest.slice(colon + 1)
  return { theme, text: text.length > LABEL_MAX_CHARS ? `${text.slice(0, LABEL_MAX_CHARS - 1)}…` : text }
}

/** A name label: text with a halo that keeps it readable over any map colour; null without a 2D canvas. */
export function labelImage(text: string, theme: MapTheme, pixelRatio: number): ImageData | null {
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')
  if (!context) return null
  const font = `600 ${Math.round(12 * pixelRatio)}px sans-serif`
  context.font = font
  const halo = Math.round(3 * pixelRatio)
  canvas.width = Math.max(1, Math.ceil(context.measureText(text).width) + halo * 2)
  canvas.height = Math.round(16 * pixelRatio) + halo * 2
  // Resizing the canvas resets its drawing state.
  context.font = font
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.lineJoin = 'round'
  context.lineWidth = halo
  context.strokeStyle = theme === 'dark' ? 'rgba(17,24,39,0.9)' : 'rgba(255,255,255,0.9)'
  context.fillStyle = theme === 'dark' ? '#f3f4f6' : '#111827'
  context.strokeText(text, canvas.width / 2, canvas.height / 2)
  context.fillText(text, canvas.width / 2, canvas.height / 2)
  return context.getImageData(0, 0, canvas.width, canvas.height)
}
