// Where a picked vehicle belongs on screen: in the part of the map the vehicle panel leaves free
// (the panel covers the right 21rem on wide screens; on narrow ones it sits below the map, covering nothing).

/** Pixels the panel takes from the map's right side on wide screens (20rem and its margins). */
export const PANEL_WIDTH_PX = 336

/** True when a point (pixels in a map of `width` × `height`) is on the map and not under the panel. */
export function inFreeArea(point: { x: number, y: number }, width: number, height: number, wide: boolean): boolean {
  const right = wide ? width - PANEL_WIDTH_PX : width
  return point.x >= 0 && point.y >= 0 && point.x <= right && point.y <= height
}

/** The camera offset (pixels from the map's centre) that puts a point in the middle of the free part. */
export function freeAreaOffset(wide: boolean): [number, number] {
  return wide ? [-PANEL_WIDTH_PX / 2, 0] : [0, 0]
}
