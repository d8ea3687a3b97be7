// While the socket is down, asks the server's health route every second, so the page reconnects the moment
// a restarted server is ready instead of waiting out its backoff.

/** How often the server is probed while the socket is down. */
export const PROBE_EVERY_MS = 1000

export class HealthProbe {
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Changes on every start and stop, so a probe in flight from before cannot plan another. */
  private generation = 0
  private sawDown = false

  /**
   * `healthy` answers whether the server is ready; `onBack` runs when it answers after having failed to: the
   * server came back. A server healthy from the first probe is not coming back from anything (the socket is
   * blocked on the way), so that is left to the reconnect backoff rather than retried every second.
   */
  constructor(private readonly healthy: () => Promise<boolean>, private readonly onBack: () => void) {}

  get active(): boolean {
    return this.timer !== null
  }

  /** Starts probing (no-op when already probing). */
  start(): void {
    if (this.timer) return
    this.generation += 1
    this.sawDown = false
    this.plan(this.generation)
  }

  /** Stops probing. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.generation += 1
  }

  private plan(generation: number): void {
    this.timer = setTimeout(async () => {
      const ok = await this.healthy().catch(() => false)
      if (generation !== this.generation) return
      if (ok && this.sawDown) {
        this.sawDown = false
        this.onBack()
      }
      if (!ok) this.sawDown = true
      this.plan(generation)
    }, PROBE_EVERY_MS)
  }
}
