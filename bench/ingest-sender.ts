// Sends prepared telemetry bodies to Lookout's HTTP ingest API, a fixed number of requests in flight, each with its
// own Idempotency-Key as a device would; records every request's latency.

export interface SendResult {
  seconds: number
  /** Request latencies in ms, one per body. */
  latencies: number[]
  failures: string[]
}

/**
 * Posts every body of `bodies` to `url` with `inFlight` concurrent requests, body n under Idempotency-Key
 * `<keyPrefix>-n` (a key is the tenant's: another route needs another prefix); a non-201 answer counts as a failure.
 */
export async function sendBodies(url: string, token: string, bodies: string[], inFlight: number, keyPrefix = 'bench'): Promise<SendResult> {
  const latencies: number[] = []
  const failures: string[] = []
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++
      const sentAt = performance.now()
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${keyPrefix}-${index}` },
          body: bodies[index],
        })
        const text = await response.text()
        if (response.status !== 201) failures.push(`batch ${index}: ${response.status} ${text.slice(0, 200)}`)
      }
      catch (error) {
        failures.push(`batch ${index}: ${failureText(error)}`)
      }
      latencies.push(performance.now() - sentAt)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  return { seconds: (performance.now() - started) / 1000, latencies, failures }
}

/** An error with its causes: undici's fetch says only "fetch failed" and keeps why (a reset, a timeout) in `cause`. */
export function failureText(error: unknown): string {
  const parts: string[] = []
  for (let current = error; current instanceof Error && parts.length < 5; current = current.cause) {
    const code = (current as { code?: unknown }).code
    parts.push(`${current.message}${typeof code === 'string' ? ` (${code})` : ''}`)
  }
  return parts.length > 0 ? parts.join(': ') : String(error)
}
