// How the simulator reaches the ingest API: the same HTTP routes devices use, with a device token.

export type IngestFetch = (path: string, init: { method: string, headers: Record<string, string>, body?: string }) => Promise<{ status: number, json: () => Promise<unknown> }>

export class IngestClient {
  constructor(private readonly fetch: IngestFetch, private readonly token: string) {}

  /** POSTs a JSON body; returns the status (the simulator logs failures, it never throws on them). */
  async post(path: string, body: unknown): Promise<number> {
    const response = await this.fetch(path, { method: 'POST', headers: this.headers(), body: JSON.stringify(body) })
    return response.status
  }

  /** GETs JSON, or null on a non-200 answer. */
  async get<T>(path: string): Promise<T | null> {
    const response = await this.fetch(path, { method: 'GET', headers: this.headers() })
    return response.status === 200 ? await response.json() as T : null
  }

  private headers(): Record<string, string> {
    return { 'authorization': `Bearer ${this.token}`, 'content-type': 'application/json' }
  }
}
