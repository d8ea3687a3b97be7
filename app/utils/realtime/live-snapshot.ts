// A store's data set as REST loads it and live events change it: the one load / keep-what-arrives /
// newest-load-wins sequence, so no store hand-rolls it. Events can overtake a snapshot request (the
// snapshot may predate them), so what arrives during a load is applied again over its answer.

export interface LiveSnapshotOptions<Change> {
  /** Applies one live change to what the store shows. */
  apply: (change: Change) => void
  /** Applies the changes that arrived during a load over its answer, all at once (default: one by one as live). */
  replay?: (changes: Change[]) => void
  /**
   * 'show' (default): a change shows at once and is applied again over the snapshot, so it must be idempotent.
   * 'hold': a change waits until the load is done (for changes that must not be applied twice, or not to the old data).
   */
  whileLoading?: 'show' | 'hold'
}

export class LiveSnapshot<Change> {
  /** What arrived since the first of the loads in flight began; null when none is in flight. */
  private arrived: Change[] | null = null
  private generation = 0

  constructor(private readonly options: LiveSnapshotOptions<Change>) {}

  /** True while a load is in flight. */
  get loading(): boolean {
    return this.arrived !== null
  }

  /** Takes a live change: applied now (or held), and kept to be applied over the snapshot being loaded. */
  receive(change: Change): void {
    if (this.arrived) {
      this.arrived.push(change)
      if (this.options.whileLoading === 'hold') return
    }
    this.options.apply(change)
  }

  /**
   * Loads a snapshot: `show` puts `fetch`'s answer in place, then every change that arrived meanwhile is applied
   * over it. Of overlapping loads only the newest shows its answer or calls `fail`, and it replays all they kept.
   */
  async load<T>(fetch: () => Promise<T>, show: (answer: T) => void, fail: (failure: unknown) => void = () => {}): Promise<void> {
    const mine = ++this.generation
    this.arrived ??= []
    try {
      const answer = await fetch()
      if (mine === this.generation) show(answer)
    }
    catch (failure) {
      if (mine === this.generation) fail(failure)
    }
    finally {
      if (mine === this.generation) this.replayArrived()
    }
  }

  /** Drops what was kept and makes loads in flight stale: the store now shows something else (another zone, vehicle ...). */
  forget(): void {
    this.generation += 1
    this.arrived = null
  }

  private replayArrived(): void {
    const arrived = this.arrived ?? []
    this.arrived = null
    if (arrived.length === 0) return
    // Through receive, so a load started by a replayed change keeps what comes after it.
    if (this.options.replay) this.options.replay(arrived)
    else for (const change of arrived) this.receive(change)
  }
}
