// What happens on this node's sockets that webhooks report and the broker does not decide: client events,
// cache misses and subscription count changes. Listeners' failures never reach the engine.

/** One thing that happened on this node (Pusher's webhook names). */
export type AppActivityEvent =
  | { name: 'client_event', channel: string, event: string, data: string, socketId: string, userId?: string }
  | { name: 'cache_miss', channel: string }
  | { name: 'subscription_count', channel: string }

export type AppActivityListener = (event: AppActivityEvent) => void

export class AppActivity {
  private readonly listeners = new Set<AppActivityListener>()

  /** Adds a listener; returns the function that removes it. */
  listen(listener: AppActivityListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells every listener; cheap when nobody listens (no webhooks configured). */
  emit(event: AppActivityEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      }
      catch (error) {
        console.error(`[lookout] activity listener failed on ${event.name}: ${(error as Error).message}`)
      }
    }
  }

  /** True when someone listens, so callers can skip building events. */
  get listened(): boolean {
    return this.listeners.size > 0
  }
}
