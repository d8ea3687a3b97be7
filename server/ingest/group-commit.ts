// Group commit of device ingest: items (a poll, a tracker packet, an MQTT message) that arrive while the previous
// batch of their lane is being stored (or in the same event-loop turn) are stored together, in one `commit` call.
// A transaction per item costs milliseconds of database work; a batch of hundreds costs little more. Each item's
// promise settles only once its batch committed, so a device is acknowledged only after its data is stored.
// What is queued or being stored is bounded (AdmissionGate): past it, a sender waits (its connection unread), or
// its item is refused at once when it may be dropped (`offer`). A batch refused as a whole by an error that
// `retryAlone` accepts is stored item by item instead, so one bad item cannot keep the others out.
import { AdmissionGate } from './admission-gate'

export interface GroupCommitOptions<T, R> {
  /** Most weight queued or being stored at once. */
  capacity: number
  /** Most weight stored in one batch (a heavier item goes alone). */
  maxBatch: number
  /** Stores a batch (all of one lane, in arrival order); answers one result per item, in order. */
  commit: (batch: T[]) => Promise<R[]>
  /** Whether a batch refused with `error` is retried item by item (else every item of it is rejected). */
  retryAlone: (error: unknown) => boolean
  /** Stores one item of a refused batch; by default `commit` of it alone, and a refused batch of one is not retried. */
  alone?: (item: T) => Promise<R>
  /** The item's weight against `capacity` and `maxBatch` (default 1). */
  weight?: (item: T) => number
  /** Items of different lanes never share a batch, and lanes are stored concurrently (default: one lane). */
  lane?: (item: T) => number
  /** A batch holds at most one item per key (a gateway's poll, a delivery's claim); items without a key never clash. */
  key?: (item: T) => string | number | undefined
}

interface Pending<T, R> {
  item: T
  weight: number
  resolve: (result: R) => void
  reject: (error: unknown) => void
}

interface Lane<T, R> {
  queue: Pending<T, R>[]
  busy: boolean
}

export class GroupCommit<T, R> {
  private readonly lanes = new Map<number, Lane<T, R>>()
  private readonly gate: AdmissionGate

  constructor(private readonly options: GroupCommitOptions<T, R>) {
    this.gate = new AdmissionGate(options.capacity)
  }

  /** Weight queued or being stored, and senders waiting for room (for tests and metrics). */
  get load(): { weight: number, waiting: number } {
    return { weight: this.gate.inFlight, waiting: this.gate.waiting }
  }

  /** True when an item of weight 1 would wait for room now (or be refused by `offer`). */
  get full(): boolean {
    return this.gate.full
  }

  /** Stores `item` with the others around it, waiting for room first; resolves with its result once committed. */
  async submit(item: T): Promise<R> {
    const weight = this.weightOf(item)
    await this.gate.enter(weight)
    return this.admitted(item, weight)
  }

  /** Like `submit` when there is room now; null at once (nothing stored) when the queue is full. */
  offer(item: T): Promise<R> | null {
    const weight = this.weightOf(item)
    return this.gate.tryEnter(weight) ? this.admitted(item, weight) : null
  }

  private weightOf(item: T): number {
    return this.options.weight?.(item) ?? 1
  }

  private async admitted(item: T, weight: number): Promise<R> {
    try {
      return await new Promise<R>((resolve, reject) => {
        const id = this.options.lane?.(item) ?? 0
        const lane = this.lanes.get(id) ?? this.lanes.set(id, { queue: [], busy: false }).get(id)!
        lane.queue.push({ item, weight, resolve, reject })
        this.schedule(id, lane)
      })
    }
    finally {
      this.gate.leave(weight)
    }
  }

  private schedule(id: number, lane: Lane<T, R>): void {
    if (lane.busy) return
    lane.busy = true
    setImmediate(() => void this.flush(id, lane))
  }

  private async flush(id: number, lane: Lane<T, R>): Promise<void> {
    const batch = this.takeBatch(lane.queue)
    try {
      const results = await this.options.commit(batch.map(pending => pending.item))
      batch.forEach((pending, index) => pending.resolve(results[index]!))
    }
    catch (error) {
      const alone = this.options.alone ?? (batch.length > 1 ? async (item: T) => (await this.options.commit([item]))[0]! : null)
      if (!alone || !this.options.retryAlone(error)) batch.forEach(pending => pending.reject(error))
      else for (const pending of batch) await alone(pending.item).then(pending.resolve, pending.reject)
    }
    finally {
      lane.busy = false
      if (lane.queue.length > 0) this.schedule(id, lane)
      else this.lanes.delete(id)
    }
  }

  /** The next items of `queue`, up to maxBatch weight and before a second item of one key. */
  private takeBatch(queue: Pending<T, R>[]): Pending<T, R>[] {
    const keys = new Set<string | number>()
    let weight = 0
    let count = 0
    while (count < queue.length) {
      const next = queue[count]!
      const key = this.options.key?.(next.item)
      if (count > 0 && ((key !== undefined && keys.has(key)) || weight + next.weight > this.options.maxBatch)) break
      if (key !== undefined) keys.add(key)
      weight += next.weight
      count += 1
    }
    return queue.splice(0, count)
  }
}
