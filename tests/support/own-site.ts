// A server started empty (DEMO_DATA=off) on the embedded database or PostgreSQL, set up through the API the way a
// new site is: first run, a second tenant by the owner, a viewer; for the settings and people API tests.
import { freshPostgres } from './postgres-database'
import { login } from './http-session'
import type { Session } from './http-session'
import { startServer } from './server-process'
import type { ServerProcess } from './server-process'

export const DATABASES = ['embedded', 'postgres'] as const
export type DatabaseKind = (typeof DATABASES)[number]

export const PASSWORD = 'correct horse battery'

export interface OwnSite {
  server: ServerProcess
  /** What the first run answered: GET /api/setup before, POST with a short password, POST, GET after, POST again. */
  firstRun: { neededBefore: boolean, shortPassword: { status: number, field: string }, created: { status: number, body: { user: { id: number, tenantId: number, isOwner: boolean } } }, neededAfter: boolean, replay: number, signedIn: number }
  /** The owner, admin of tenant A. */
  owner: Session
  /** Admin of tenant B (created by the owner). */
  adminB: Session
  viewerA: Session
  tenantA: number
  tenantB: number
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** Starts an empty server on `database` and sets up tenants A (owner) and B through the API. */
export async function startOwnSite(database: DatabaseKind): Promise<OwnSite> {
  const env: Record<string, string> = { DEMO_DATA: 'off', SESSION_SECRET: 'x'.repeat(40) }
  if (database === 'postgres') env.DATABASE_URL = await freshPostgres('lookout_site')
  const server = await startServer(env)
  const setup = (body: unknown) => fetch(`${server.url}/api/setup`, json(body))
  const neededBefore = (await (await fetch(`${server.url}/api/setup`)).json() as { needed: boolean }).needed
  const short = await setup({ tenant: { name: 'Acme Farm' }, admin: { name: 'Ada', email: 'ada@acme.example', password: 'short' } })
  const response = await setup({ tenant: { name: 'Acme Farm' }, admin: { name: 'Ada', email: 'Ada@Acme.example', password: PASSWORD } })
  const created = { status: response.status, body: await response.json() as OwnSite['firstRun']['created']['body'] }
  const cookie = response.headers.getSetCookie().map(line => line.split(';')[0]).join('; ')
  const signedIn = (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status
  const neededAfter = (await (await fetch(`${server.url}/api/setup`)).json() as { needed: boolean }).needed
  const replay = (await setup({ tenant: { name: 'Evil' }, admin: { name: 'Eve', email: 'eve@evil.example', password: PASSWORD } })).status
  const owner = await login(server, 'ada@acme.example', PASSWORD)
  const tenantB = await owner.fetch('/api/tenants', { method: 'POST', body: JSON.stringify({ tenant: { name: 'Bravo Depot' }, admin: { name: 'Bo', email: 'bo@bravo.example', password: PASSWORD } }) })
  if (tenantB.status !== 201) throw new Error(`tenant B: ${tenantB.status} ${await tenantB.text()}`)
  const adminB = await login(server, 'bo@bravo.example', PASSWORD)
  const viewer = await owner.fetch(`/api/tenants/${owner.user.tenantId}/users`, { method: 'POST', body: JSON.stringify({ name: 'Vi', email: 'vi@acme.example', role: 'viewer', password: PASSWORD }) })
  if (viewer.status !== 201) throw new Error(`viewer: ${viewer.status} ${await viewer.text()}`)
  return {
    server,
    firstRun: { neededBefore, shortPassword: { status: short.status, field: (await short.json() as { data: { field: string } }).data.field }, created, neededAfter, replay, signedIn },
    owner,
    adminB,
    viewerA: await login(server, 'vi@acme.example', PASSWORD),
    tenantA: owner.user.tenantId,
    tenantB: adminB.user.tenantId,
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whatever shape each route answers
type Answered = any

/** Sends a JSON body with `method` through a session; resolves to status, body and the field a 4xx names. */
export async function send(session: Session, method: string, path: string, body?: unknown): Promise<{ status: number, body: Answered, field?: string, message?: string }> {
  const response = await session.fetch(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const parsed = await response.json().catch(() => null) as Answered
  return { status: response.status, body: parsed, field: parsed?.data?.field, message: parsed?.message }
}
