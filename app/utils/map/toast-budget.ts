// How many geozone toasts the map page may show: with thousands of vehicles, enter/exit events come many a second,
// and a toast each would bury the page (and restyle it every frame). Past the budget the events are only listed.

export class ToastBudget {
  private shown: number[] = []

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** True (and counted) when a toast at `nowMs` stays within `limit` toasts per `windowMs`. */
  take(nowMs: number): boolean {
    this.shown = this.shown.filter(at => nowMs - at < this.windowMs)
    if (this.shown.length >= this.limit) return false
    this.shown.push(nowMs)
    return true
  }
}
