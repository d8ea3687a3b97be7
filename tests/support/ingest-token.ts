// Device tokens for integration tests, created through the API by a tenant admin.
import type { Session } from './http-session'

/** A plain token with the given abilities, made by `admin`. */
export async function createToken(admin: Session, abilities: string[], name = 'test device'): Promise<string> {
  const response = await admin.fetch('/api/tokens', { method: 'POST', body: JSON.stringify({ name, abilities }) })
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${await response.text()}`)
  return (await response.json() as { token: string }).token
}

/** POSTs JSON to an ingest route with a Bearer token. */
export function ingest(baseUrl: string, token: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** The secret part of `lk_<id>_<secret>`; the secret is base64url, so it may itself contain `_`. */
export function tokenSecret(token: string): string {
  const secret = /^lk_\d+_(.+)$/.exec(token)?.[1]
  if (!secret) throw new Error(`not an API token: ${token}`)
  return secret
}
