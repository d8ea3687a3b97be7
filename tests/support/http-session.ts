// A signed-in HTTP client for integration tests: logs in as a demo user and sends cookie and CSRF header.
import type { ServerProcess } from './server-process'

export const DEMO_PASSWORD = 'lookout-demo'

export interface Session {
  cookie: string
  csrf: string
  user: { id: number, tenantId: number, role: string, email: string }
  /** fetch with the session cookie and, for unsafe methods, the X-XSRF-TOKEN header. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>
}

/** The demo account of a role in a tenant (`greenfield` is tenant 1, `northwind` tenant 2). */
export function demoEmail(role: 'admin' | 'operator' | 'viewer', tenant: 'greenfield' | 'northwind'): string {
  return `${role}@${tenant}.example`
}

/** Logs in; throws with the server's answer when that fails. */
export async function login(server: ServerProcess, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`)
  const body = await response.json() as { csrfToken: string, user: Session['user'] }
  const cookie = response.headers.getSetCookie().map(line => line.split(';')[0]).join('; ')
  return {
    cookie,
    csrf: body.csrfToken,
    user: body.user,
    fetch: (path, init = {}) => fetch(`${server.url}${path}`, {
      ...init,
      headers: { cookie, 'x-xsrf-token': body.csrfToken, ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}), ...init.headers as Record<string, string> },
    }),
  }
}

/** The first device node of the session's tenant that sits in a zone, as the devices API lists it. */
export async function firstZonedNode(session: Session): Promise<{ uid: string, zoneId: number }> {
  const devices = await (await session.fetch(`/api/tenants/${session.user.tenantId}/devices`)).json() as { data: Array<{ uid: string, zoneId: number | null }> }
  const node = devices.data.find(device => device.zoneId)
  if (!node?.zoneId) throw new Error(`tenant ${session.user.tenantId} has no device in a zone`)
  return { uid: node.uid, zoneId: node.zoneId }
}
