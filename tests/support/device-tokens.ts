// Tokens and users for the revocation tests: an ingest token with its id, a second admin of a demo tenant.
import type { Session } from './http-session'

/** An ingest token made by `admin` (for `userId`, else the admin), with its id for revoking it. */
export async function ingestTokenWithId(admin: Session, userId?: number): Promise<{ id: number, token: string }> {
  const response = await admin.fetch('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'revocable device', abilities: ['ingest'], userId }) })
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${await response.text()}`)
  return await response.json() as { id: number, token: string }
}

/** A new admin of `admin`'s tenant (only admins' tokens carry the ingest ability); returns their id. */
export async function addAdmin(admin: Session, email: string): Promise<number> {
  const response = await admin.fetch(`/api/tenants/${admin.user.tenantId}/users`, { method: 'POST', body: JSON.stringify({ name: 'Device owner', email, role: 'admin', password: 'device-owner-password' }) })
  if (response.status !== 201) throw new Error(`user creation failed: ${response.status} ${await response.text()}`)
  return (await response.json() as { data: { id: number } }).data.id
}
