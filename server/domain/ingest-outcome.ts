// What an ingest service returns: the answer, and the broadcasts to send once its transaction committed.
import type { DomainContext } from './context'

export interface IngestOutcome<T> {
  response: T
  /** Sends the broadcasts of what was stored; called only after the transaction committed. */
  announce: (ctx: DomainContext) => void
}
