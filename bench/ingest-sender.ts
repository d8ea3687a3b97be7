// Sends prepared telemetry bodies to Lookout's HTTP ingest API, a fixed number of requests in flight, each with its
// own Idempotency-Key as a device would; records every request's latency.

export interface SendResult {
  seconds: number
  /** Request latencies in ms, one per body. */
  latencies: number[]
  failures: string[]
}

/** Posts every body of `bodies` to `url` with `inFlight` concurrent requests; a non-201 answer counts as a failure. */
export async function sendBodies(url: string, token: string, bodies: string[], inFlight: number): Promise<SendResult> {
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
          headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${index}` },
          body: bodies[index],
        })
        const text = await response.text()
        if (response.status !== 201) failures.push(`batch ${index}: ${response.status} ${text.slice(0, 200)}`)
      }
      catch (error) {
        failures.push(`batch ${index}: ${(error as Error).message}`)
      }
      latencies.push(performance.now() - sentAt)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  return { seconds: (performance.now() - started) / 1000, latencies, failures }
}
