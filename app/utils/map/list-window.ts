// Which rows of a long list of equal-height rows to render: those in view plus a few either side, so a fleet
// of thousands renders a few dozen rows and a live update never re-renders the rest.

/** The rows to render, [start, end) by index, and the empty space kept above and below them. */
export interface ListWindow {
  start: number
  end: number
  /** Pixels standing in for the rows before `start` and after `end`, so the scroll bar keeps its size. */
  before: number
  after: number
}

/** The window of `total` rows of `rowHeight` px seen through `viewportHeight` px scrolled to `scrollTop`, widened by `overscan` rows each side. */
export function listWindow(total: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 4): ListWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 }
  const last = Math.max(0, total - 1)
  const first = Math.min(last, Math.max(0, Math.floor(scrollTop / rowHeight)))
  const visible = Math.max(1, Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1)
  const start = Math.max(0, first - overscan)
  const end = Math.min(total, first + visible + overscan)
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight }
}
