// Security headers on pages, API and assets, the page's script nonce, and the session cookies' attributes,
// over plain HTTP and behind a TLS proxy (X-Forwarded-Proto: https).
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, DEMO_PASSWORD, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let viewer: Session

beforeAll(async () => {
  server = await startServer()
  viewer = await login(server, demoEmail('viewer', 'greenfield'))
})
afterAll(() => server.stop())

const ALWAYS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

/** The Content-Security-Policy's directives by name. */
function policy(response: Response): Record<string, string[]> {
  const header = response.headers.get('content-security-policy')
  expect(header, 'Content-Security-Policy').toBeTruthy()
  return Object.fromEntries(header!.split(';').filter(part => part.trim()).map((part) => {
    const [name, ...values] = part.trim().split(/\s+/)
    return [name!, values]
  }))
}

/** What every answer carries; Nitro's error answers bring their own stricter CSP and `no-referrer`. */
function expectSecurityHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(ALWAYS)) expect(response.headers.get(name), `${name} on ${what}`).toBe(value)
  expect(response.headers.get('referrer-policy'), `referrer-policy on ${what}`).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/)
  expect(response.headers.get('permissions-policy'), `permissions-policy on ${what}`).toMatch(/geolocation=\(\)/)
  const csp = policy(response)
  expect(csp['frame-ancestors'], what).toEqual([`'none'`])
  expect(csp['script-src'], what).not.toContain(`'unsafe-inline'`)
  expect(csp['script-src'], what).not.toContain(`'unsafe-eval'`)
  expect(response.headers.get('strict-transport-security'), `no HSTS over plain HTTP on ${what}`).toBeNull()
}

/** The full policy a page runs under. */
function expectPagePolicy(response: Response, what: string): void {
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  const csp = policy(response)
  expect(csp['default-src'], what).toEqual([`'self'`])
  expect(csp['object-src'], what).toEqual([`'none'`])
  expect(csp['base-uri'], what).toEqual([`'self'`])
  expect(csp['form-action'], what).toEqual([`'self'`])
}

/** Name=value and attributes of the Set-Cookie line of `name`. */
function setCookie(response: Response, name: string): { value: string, attributes: string[] } {
  const line = response.headers.getSetCookie().find(cookie => cookie.startsWith(`${name}=`))
  expect(line, `Set-Cookie ${name}`).toBeTruthy()
  const [pair, ...attributes] = line!.split(';').map(part => part.trim())
  return { value: pair!.slice(name.length + 1), attributes: attributes.map(attribute => attribute.toLowerCase()) }
}

const loginRequest = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ email: demoEmail('operator', 'greenfield'), password: DEMO_PASSWORD }),
})

describe('security headers', () => {
  it('are on the login page, a signed-in page, a redirect, API answers, errors and built assets', async () => {
    const asset = readdirSync(resolve(import.meta.dirname, '../../.output/public/_nuxt')).find(name => name.endsWith('.js'))!
    const responses: Array<[string, Response]> = [
      ['/login', await fetch(`${server.url}/login`)],
      ['/ signed in', await viewer.fetch('/', { redirect: 'manual' })],
      ['/ anonymous (redirect)', await fetch(`${server.url}/`, { redirect: 'manual' })],
      ['/api/auth/me', await viewer.fetch('/api/auth/me')],
      ['/api/health', await fetch(`${server.url}/api/health`)],
      ['401 API answer', await fetch(`${server.url}/api/tenants/1/alerts`)],
      ['403 API answer', await viewer.fetch('/api/zones/999999')],
      ['404 API answer', await viewer.fetch('/api/no-such-route')],
      ['HTTP API 401', await fetch(`${server.url}/apps/${TEST_APP.id}/channels?auth_key=${TEST_APP.key}&auth_timestamp=1&auth_version=1.0&auth_signature=00`)],
      ['/metrics', await fetch(`${server.url}/metrics`)],
      [`/_nuxt/${asset}`, await fetch(`${server.url}/_nuxt/${asset}`)],
    ]
    for (const [what, response] of responses) expectSecurityHeaders(response, what)
    for (const [what, response] of responses.slice(0, 2)) expectPagePolicy(response, what)
    expect(responses.map(([, response]) => response.status)).toEqual([200, 200, 302, 200, 200, 401, 403, 404, 401, 200, 200])
  })

  it('send HSTS only when the request came over TLS', async () => {
    for (const path of ['/login', '/api/health']) {
      const tls = await fetch(`${server.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } })
      expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
      expect((await fetch(`${server.url}${path}`)).headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('let only the page\'s own inline scripts run: each carries the response\'s nonce, new on every response', async () => {
    const nonces: string[] = []
    const pages = [await fetch(`${server.url}/login`), await viewer.fetch('/zones'), await viewer.fetch('/no-such-page', { headers: { accept: 'text/html' } })]
    expect(pages.map(page => page.status)).toEqual([200, 200, 404])
    for (const response of pages) {
      const nonce = /'nonce-([^']+)'/.exec(policy(response)['script-src']!.join(' '))?.[1]
      expect(nonce).toBeTruthy()
      nonces.push(nonce!)
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(match => match[0])
      expect(scripts.length).toBeGreaterThan(1)
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
    }
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  it('allow the page\'s own WebSocket origin and the map worker', async () => {
    const csp = policy(await viewer.fetch('/map'))
    expect(csp['connect-src']).toEqual([`'self'`, `ws://127.0.0.1:${server.port}`, `wss://127.0.0.1:${server.port}`])
    expect(csp['worker-src']).toContain(`'self'`)
  })
})

describe('session cookies', () => {
  it('over plain HTTP: the session is HTTP-only and SameSite=Lax, the XSRF token readable by scripts, neither Secure', async () => {
    const response = await loginRequest()
    expect(response.status).toBe(200)
    const session = setCookie(response, 'lookout_session')
    expect(session.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']))
    expect(session.attributes.some(attribute => /^(max-age|expires)=/.test(attribute))).toBe(true)
    expect(session.attributes).not.toContain('secure')
    const xsrf = setCookie(response, 'XSRF-TOKEN')
    expect(xsrf.attributes).toEqual(expect.arrayContaining(['samesite=lax', 'path=/']))
    expect(xsrf.attributes).not.toContain('httponly')
    expect(xsrf.attributes).not.toContain('secure')
  })

  it('behind TLS: both cookies are Secure, and logout expires both in the browser', async () => {
    const response = await loginRequest({ 'x-forwarded-proto': 'https' })
    expect(response.status).toBe(200)
    const session = setCookie(response, 'lookout_session')
    expect(session.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']))
    expect(setCookie(response, 'XSRF-TOKEN').attributes).toEqual(expect.arrayContaining(['samesite=lax', 'secure']))

    const { csrfToken } = await response.json() as { csrfToken: string }
    const cookie = response.headers.getSetCookie().map(line => line.split(';')[0]).join('; ')
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-xsrf-token': csrfToken, 'x-forwarded-proto': 'https' } })
    expect(logout.status).toBe(200)
    for (const name of ['lookout_session', 'XSRF-TOKEN']) {
      const cleared = setCookie(logout, name)
      expect(cleared.value, name).toBe('')
      expect(cleared.attributes, name).toContain('max-age=0')
      expect(cleared.attributes, name).toEqual(expect.arrayContaining(['samesite=lax', 'secure']))
    }
  })
})
