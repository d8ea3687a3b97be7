// Login CSRF and cross-site cookie requests: another site's page can neither sign a browser in nor act with
// its session (403 with a message); the server's own pages, scripts and devices are unaffected (built server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer()
}, 120_000)
afterAll(() => server.stop())

/** The attacker's form: their own account, posted from their page as a browser posts a form. */
function loginForm(headers: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ email: demoEmail('viewer', 'northwind'), password: DEMO_PASSWORD }).toString()
  return fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })
}

describe('login from another site', () => {
  it('is refused with 403 and sets no session cookie, from a foreign Origin or with Sec-Fetch-Site: cross-site', async () => {
    const attempts: Array<Record<string, string>> = [{ 'origin': 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }]
    for (const headers of attempts) {
      const response = await loginForm(headers)
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect((await response.json() as { message: string }).message).toMatch(/^Cross-site request refused/)
      expect(response.headers.getSetCookie().some(line => line.startsWith('lookout_session='))).toBe(false)
    }
  })

  it('works from the server\'s own page and from clients that send no Origin', async () => {
    expect((await loginForm({ 'origin': server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await loginForm({})).status).toBe(200)
  })
})

describe('state-changing cookie requests from another site', () => {
  it('are refused with 403 even with the right CSRF header, and the session lives on', async () => {
    const viewer = await login(server, demoEmail('viewer', 'greenfield'))
    const foreign = await viewer.fetch('/api/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect((await viewer.fetch('/api/auth/me')).status).toBe(200)
    expect((await viewer.fetch('/api/auth/logout', { method: 'POST', headers: { origin: server.url } })).status).toBe(200)
  })
})
