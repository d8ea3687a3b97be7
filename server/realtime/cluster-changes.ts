// The listeners of a broker's cluster changes (see broker.ts): one listener's failure never reaches the engine.
import type { ClusterChange, ClusterChangeListener } from './broker'

export class ClusterChanges {
  private readonly listeners = new Set<ClusterChangeListener>()

  /** Adds a listener; returns the function that removes it. */
  listen(listener: ClusterChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells every listener about a change. */
  emit(change: ClusterChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      }
      catch (error) {
        // A subscriber (webhooks) must not break a subscribe or a publish.
        console.error(`[lookout] cluster change listener failed on ${change.name}: ${(error as Error).message}`)
      }
    }
  }
}
