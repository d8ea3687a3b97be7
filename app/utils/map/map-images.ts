// Images the map's symbol layers use, made at runtime so nothing is fetched: the heading arrow
// (plain pixels), cluster counts (drawn with a local sans-serif font) and name labels (label-images.ts).
import type { Map as MapLibreMap, MapStyleImageMissingEvent } from 'maplibre-gl'
import { labelImage, parseLabelId } from './label-images'
import { ARROW_IMAGE, CLUSTER_IMAGE_PREFIX } from './map-style'

export interface RgbaImage {
  width: number
  height: number
  data: Uint8ClampedArray
}

/**
 * A white arrow pointing up (north, so `icon-rotate` by the course turns it the right way) with a
 * dark outline, `size` pixels square, edges smoothed by 4×4 supersampling.
 */
export function arrowImage(size: number): RgbaImage {
  const data = new Uint8ClampedArray(size * size * 4)
  // Tip at the top middle, notch above the bottom middle, in unit coordinates.
  const outer: Array<[number, number]> = [[0.5, 0.08], [0.86, 0.9], [0.5, 0.7], [0.14, 0.9]]
  const inner = outer.map(([x, y]) => [0.5 + (x - 0.5) * 0.7, 0.52 + (y - 0.52) * 0.7] as [number, number])
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let fill = 0
      let edge = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          if (insidePolygon(x, y, inner)) fill++
          else if (insidePolygon(x, y, outer)) edge++
        }
      }
      const total = samples * samples
      const alpha = (fill + edge) / total
      const shade = fill + edge === 0 ? 0 : (255 * fill) / (fill + edge)
      const offset = (py * size + px) * 4
      data[offset] = shade
      data[offset + 1] = shade
      data[offset + 2] = shade
      data[offset + 3] = Math.round(alpha * 255)
    }
  }
  return { width: size, height: size, data }
}

/** A cluster's count as white text, drawn over the cluster's circle; at `pixelRatio` for sharp text, null without a 2D canvas. */
export function clusterCountImage(count: number, pixelRatio: number): ImageData | null {
  const size = Math.round(28 * pixelRatio)
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const context = canvas.getContext('2d')
  if (!context) return null
  context.fillStyle = '#ffffff'
  context.font = `600 ${Math.round(12 * pixelRatio)}px sans-serif`
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.fillText(count > 999 ? '999+' : String(count), size / 2, size / 2)
  return context.getImageData(0, 0, size, size)
}

/** Adds the heading arrow to the map's current style (a new style starts without images). */
export function addArrowImage(map: MapLibreMap): void {
  const ratio = window.devicePixelRatio || 1
  if (!map.hasImage(ARROW_IMAGE)) map.addImage(ARROW_IMAGE, arrowImage(Math.round(14 * ratio)), { pixelRatio: ratio })
}

/** Draws each cluster count and name label the first time it is shown. */
export function provideDrawnImages(map: MapLibreMap): void {
  map.on('styleimagemissing', (event: MapStyleImageMissingEvent) => {
    const ratio = window.devicePixelRatio || 1
    const label = parseLabelId(event.id)
    const image = label
      ? labelImage(label.text, label.theme, ratio)
      : event.id.startsWith(CLUSTER_IMAGE_PREFIX) ? clusterCountImage(Number(event.id.slice(CLUSTER_IMAGE_PREFIX.length)), ratio) : null
    if (image && !map.hasImage(event.id)) map.addImage(event.id, image, { pixelRatio: ratio })
  })
}

function insidePolygon(x: number, y: number, polygon: Array<[number, number]>): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!
    const [xj, yj] = polygon[j]!
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
