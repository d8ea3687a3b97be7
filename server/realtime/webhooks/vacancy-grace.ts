// Holds channel_vacated back for a short grace period: a channel left and re-occupied within it reports neither.

export class VacancyGrace {
  private readonly pending = new Map<string, NodeJS.Timeout>()

  constructor(private readonly graceMs: number, private readonly report: (name: 'channel_occupied' | 'channel_vacated', channel: string) => void) {}

  /** A channel became occupied: reported, unless it is only coming back from a held vacancy. */
  occupied(channel: string): void {
    const held = this.pending.get(channel)
    if (held) {
      clearTimeout(held)
      this.pending.delete(channel)
      return
    }
    this.report('channel_occupied', channel)
  }

  /** A channel became vacant: reported once the grace period passed without it being occupied again. */
  vacated(channel: string): void {
    clearTimeout(this.pending.get(channel))
    this.pending.set(channel, setTimeout(() => {
      this.pending.delete(channel)
      this.report('channel_vacated', channel)
    }, this.graceMs))
  }

  /** Reports every held vacancy now (shutting down: the channels are being left for good). */
  flush(): void {
    for (const [channel, timer] of this.pending) {
      clearTimeout(timer)
      this.report('channel_vacated', channel)
    }
    this.pending.clear()
  }
}
