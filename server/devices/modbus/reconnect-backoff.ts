// How long a poller waits before reconnecting to a gateway that could not be reached: exponential, capped, jittered.

export interface BackoffSettings {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, maxMs: 60_000 }

/**
 * The delay before reconnect attempt `failures` (1 after the first failure): base × 2^(failures-1), capped at
 * max, then drawn uniformly from its upper half so gateways that failed together (a switch rebooting) do not
 * all retry at the same instant. `random` returns [0, 1).
 */
export function reconnectDelay(failures: number, settings: BackoffSettings = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (failures <= 0) return 0
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(failures - 1, 30))
  return Math.round(ceiling / 2 + random() * ceiling / 2)
}
