// Holds a map's repaints while a redraw is only partly ready. A GeoJSON source's new data reaches the screen tile by
// tile, and each tile that arrives asks for a repaint of the whole map: with software WebGL a fleet update would cost
// one 50-100 ms repaint per tile. Held, the tiles show together in one repaint, and no vehicle is drawn twice (or not
// at all) for a frame because its old and new tiles were shown side by side.

/** What is held: MapLibre's Map (its public triggerRepaint schedules every frame it draws). */
export interface Repaintable {
  triggerRepaint: () => void
}

export interface RepaintHoldOptions {
  /** True while repaints should wait (a redraw is under way and the user is not moving the map). */
  holding: () => boolean
  /** Longest a repaint waits, ms: a slow redraw never freezes the map. */
  limitMs: number
  /** The clock, ms (performance.now in the browser). */
  now?: () => number
  /** Runs the callback after `ms` (setTimeout in the browser). */
  later?: (callback: () => void, ms: number) => void
}

export class RepaintHold {
  private heldSince: number | null = null
  private readonly repaint: () => void
  private readonly now: () => number
  private readonly later: (callback: () => void, ms: number) => void

  /** Wraps `target.triggerRepaint`, so every repaint MapLibre asks for goes through the hold. */
  constructor(target: Repaintable, private readonly options: RepaintHoldOptions) {
    const original = target.triggerRepaint.bind(target)
    this.repaint = original
    this.now = options.now ?? (() => performance.now())
    this.later = options.later ?? ((callback, ms) => setTimeout(callback, ms))
    target.triggerRepaint = () => this.request()
  }

  /** Lets a held repaint through now (the redraw is ready). */
  release(): void {
    if (this.heldSince === null) return
    this.heldSince = null
    this.repaint()
  }

  private request(): void {
    const now = this.now()
    if (this.options.holding() && (this.heldSince === null || now - this.heldSince < this.options.limitMs)) {
      if (this.heldSince !== null) return
      this.heldSince = now
      // Released at the limit even if nothing else asks for a repaint (a tile that fails asks no more).
      this.later(() => {
        if (this.heldSince === now) this.release()
      }, this.options.limitMs)
      return
    }
    this.heldSince = null
    this.repaint()
  }
}
