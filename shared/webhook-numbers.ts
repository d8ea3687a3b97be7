// The webhook sender's numbers as the system page shows them (null when no receivers are configured).

export interface WebhookNumbers {
  receivers: number
  /** Requests acknowledged with 2xx since start. */
  sent: number
  /** Requests given up since start. */
  failed: number
  /** Failed attempts scheduled again since start. */
  retried: number
  /** Requests waiting in the persistent queue now. */
  queueLength: number
}
