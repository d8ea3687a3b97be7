// Latitude/longitude lines for the built-in style, spaced to suit the visible area, so the map has
// a sense of place and scale without any tiles.
import type { Feature, FeatureCollection, LineString } from 'geojson'
import type { Bounds } from './fleet-state'

const STEPS = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]

/** The largest round step that gives at least `minLines` lines across `span` degrees. */
export function graticuleStep(span: number, minLines = 4): number {
  return STEPS.find(step => span / step >= minLines) ?? STEPS.at(-1)!
}

/** Meridians and parallels covering `bounds` (plus one step around it), at a step fitting the smaller side. */
export function graticuleLines(bounds: Bounds): FeatureCollection<LineString, { kind: 'meridian' | 'parallel', value: number }> {
  const [west, south, east, north] = bounds
  const step = graticuleStep(Math.min(east - west, north - south))
  const values = (low: number, high: number, limit: number) => {
    const out: number[] = []
    // Whole multiples of the step, counted in integers so float error cannot drop the last line.
    const last = Math.ceil(high / step - 1e-9) + 1
    for (let k = Math.floor(low / step + 1e-9) - 1; k <= last; k++) {
      const value = Math.round(k * step * 1e6) / 1e6
      if (Math.abs(value) <= limit) out.push(value)
    }
    return out
  }
  const top = Math.min(85, north + step)
  const bottom = Math.max(-85, south - step)
  const left = Math.max(-180, west - step)
  const right = Math.min(180, east + step)
  const features: Array<Feature<LineString, { kind: 'meridian' | 'parallel', value: number }>> = [
    ...values(west, east, 180).map(lon => ({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [[lon, bottom], [lon, top]] }, properties: { kind: 'meridian' as const, value: lon } })),
    ...values(south, north, 85).map(lat => ({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [[left, lat], [right, lat]] }, properties: { kind: 'parallel' as const, value: lat } })),
  ]
  return { type: 'FeatureCollection', features }
}
