// Secrets never reach browsers, answers or logs: the built browser files, the rendered pages, every answer of a
// typical session, and the server's stdout/stderr after it (logins, channel auth, HTTP API, ingest, metrics).
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connected, serverSdk, sessionClient, waitFor } from '../support/clients'
import { DEMO_PASSWORD, demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest, tokenSecret } from '../support/ingest-token'
import { freshPostgresDatabase } from '../support/postgres'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const ROOT = resolve(import.meta.dirname, '../..')
const random = (label: string) => `${label}-${randomBytes(18).toString('base64url')}`
const masterKey = randomBytes(32)

/** The configured secrets, each unique to this run so any sighting is a leak. */
const SECRETS = {
  REVERB_APP_SECRET: random('app-secret'),
  SESSION_SECRET: random('session-secret-that-is-long-enough'),
  METRICS_TOKEN: random('metrics-token'),
  LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: masterKey.toString('base64'),
  'DATABASE_URL password': random('db-password'),
  'REDIS_URL password': random('redis-password'),
}
/** Other spellings of the same secrets. */
const SECRET_FORMS: Record<string, string> = { ...SECRETS, 'encryption master key (hex)': masterKey.toString('hex') }

/** Names of every listed value found in `text`. */
function leaks(text: string, values: Record<string, string>): string[] {
  return Object.entries(values).filter(([, value]) => value && text.includes(value)).map(([name]) => name)
}

/** Every file under `folder`. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('the built browser files', () => {
  it('contain no secret: no development or test app secret, no build-time secret, no server-side configuration names', () => {
    const files = filesUnder(join(ROOT, '.output/public')).filter(path => /\.(m?js|css|html|json|txt|map|svg|webmanifest)$/.test(path))
    expect(files.filter(path => /\.m?js$/.test(path)).length).toBeGreaterThan(10)
    expect(files.some(path => path.endsWith('.css'))).toBe(true)
    const forbidden: Record<string, string> = {
      'formerly published development secret': 'lookout-development-secret',
      'test app secret': TEST_APP.secret,
      ...Object.fromEntries(['REVERB_APP_SECRET', 'SESSION_SECRET', 'METRICS_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64']
        .map(name => [`the name ${name}`, name])),
      // Whatever secrets the environment that built this had (CI runs the build in the same shell).
      ...Object.fromEntries(Object.entries(process.env)
        .filter(([name, value]) => /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL/i.test(name) && (value?.length ?? 0) >= 8)
        .map(([name, value]) => [`$${name}`, value!])),
      'private key': '-----BEGIN',
    }
    for (const name of ['session-secret', 'app-secret', 'demo-password']) {
      const file = join(ROOT, '.data', name)
      if (existsSync(file)) forbidden[`.data/${name}`] = readFileSync(file, 'utf8').trim()
    }
    const found = files.flatMap(path => leaks(readFileSync(path, 'utf8'), forbidden).map(name => `${name} in ${path.slice(ROOT.length + 1)}`))
    expect(found).toEqual([])
  })
})

describe('a configured server', () => {
  let server: ServerProcess
  let admin: Session
  const answers: string[] = []
  const sockets: PusherJs[] = []
  /** Values of this session that must stay out of the log, filled in as the session makes them. */
  const sessionValues: Record<string, string> = {
    'wrong password': random('wrong-password'),
    'wrong password for an unknown account': random('other-wrong-password'),
    'invalid bearer token': `lk_999_${randomBytes(32).toString('base64url')}`,
    'wrong metrics token': random('not-the-metrics-token'),
  }

  /** fetch that keeps the answer's headers and body for the leak check. */
  async function record(response: Promise<Response>): Promise<Response> {
    const answer = await response
    const body = await answer.clone().text()
    answers.push(`${answer.url} ${answer.status}\n${[...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${body}`)
    return answer
  }

  beforeAll(async () => {
    server = await startServer({
      APP_ENV: 'production',
      REVERB_APP_SECRET: SECRETS.REVERB_APP_SECRET,
      SESSION_SECRET: SECRETS.SESSION_SECRET,
      METRICS_TOKEN: SECRETS.METRICS_TOKEN,
      LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64: SECRETS.LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64,
      DATABASE_URL: await freshPostgresDatabase(SECRETS['DATABASE_URL password']),
    })
    admin = await login(server, demoEmail('admin', 'greenfield'))
    sessionValues['session cookie'] = /lookout_session=([^;]+)/.exec(admin.cookie)![1]!
    sessionValues['CSRF token'] = admin.csrf
  }, 60_000)
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect()
    await server?.stop()
  })

  it('answers a typical session without a secret in any header or body', async () => {
    const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const url = (path: string) => `${server.url}${path}`
    // Logins: a wrong password, an unknown account, a malformed one, and a good one.
    expect((await record(fetch(url('/api/auth/login'), json({ email: demoEmail('operator', 'greenfield'), password: sessionValues['wrong password'] })))).status).toBe(401)
    expect((await record(fetch(url('/api/auth/login'), json({ email: 'nobody@nowhere.example', password: sessionValues['wrong password for an unknown account'] })))).status).toBe(401)
    expect((await record(fetch(url('/api/auth/login'), json({ email: 'not an email', password: sessionValues['wrong password'] })))).status).toBe(422)
    expect((await record(fetch(url('/api/auth/login'), json({ email: demoEmail('viewer', 'greenfield'), password: DEMO_PASSWORD })))).status).toBe(200)
    // A tampered session cookie and a missing CSRF header.
    expect((await record(fetch(url('/api/auth/me'), { headers: { cookie: `lookout_session=${sessionValues['session cookie']!.slice(0, -4)}AAAA` } }))).status).toBe(401)
    expect((await record(fetch(url('/api/tokens'), { method: 'POST', headers: { 'cookie': admin.cookie, 'content-type': 'application/json' }, body: '{}' }))).status).toBe(419)

    // REST the pages use, and an API token.
    for (const path of ['/api/auth/me', '/api/realtime/config', '/api/map/config', '/api/health', '/api/system/realtime', '/api/tokens', '/api/users', '/api/tenants/1/summary']) {
      expect((await record(admin.fetch(path))).status, path).toBe(200)
    }
    const token = await createToken(admin, ['ingest'])
    sessionValues['ingest token'] = token
    sessionValues['ingest token secret'] = tokenSecret(token)

    // Channel auth: allowed (private, presence, encrypted), refused (another tenant), malformed.
    const auth = (channel: string) => record(admin.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: '123.456', channel_name: channel }) }))
    for (const channel of ['private-tenant.1.alerts', 'presence-zone.1', 'private-encrypted-zone.1']) expect((await auth(channel)).status, channel).toBe(200)
    expect((await auth('private-tenant.2.alerts')).status).toBe(403)
    expect((await record(admin.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: 'x', channel_name: 'private-zone.1' }) }))).status).toBe(422)
    // A real pusher-js socket authorised through the session.
    const socket = sessionClient(server, admin)
    sockets.push(socket)
    await connected(socket)
    let subscribed = false
    socket.subscribe('private-tenant.1.alerts').bind('pusher:subscription_succeeded', () => { subscribed = true })
    await waitFor(() => subscribed, 5_000, 'a private subscription')

    // The HTTP API: the SDK signing with a wrong secret, then with the right one.
    const wrongSdk = serverSdk(server, { ...TEST_APP, secret: random('wrong-app-secret') })
    const refused = await wrongSdk.trigger('system', 'system.alert', { text: 'x' }).then(() => 200, (error: { status: number, body: string }) => {
      answers.push(`HTTP API refusal ${error.status}\n${error.body}`)
      return error.status
    })
    expect(refused).toBe(401)
    expect((await serverSdk(server, { ...TEST_APP, secret: SECRETS.REVERB_APP_SECRET }).trigger('system', 'system.alert', { text: 'hello' })).status).toBe(200)

    // Ingest with a bad token, with a good token and a bad body, and a good one.
    const node = await firstZonedNode(admin)
    expect((await record(ingest(server.url, sessionValues['invalid bearer token']!, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'ph', value: 6 }] }))).status).toBe(401)
    expect((await record(ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'ph', value: 'acid' }] }))).status).toBe(422)
    expect((await record(ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'ph', value: 6.1 }] }))).status).toBe(201)

    // Metrics with a wrong token and the right one.
    expect((await record(fetch(url('/metrics'), { headers: { authorization: `Bearer ${sessionValues['wrong metrics token']}` } }))).status).toBe(401)
    expect((await record(fetch(url('/metrics'), { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } }))).status).toBe(200)

    const found = answers.flatMap(answer => leaks(answer, SECRET_FORMS).map(name => `${name} in ${answer.split('\n')[0]}`))
    expect(found).toEqual([])
    // The encrypted channel got its own derived secret, not the master key.
    expect(answers.some(answer => answer.includes('shared_secret'))).toBe(true)
  })

  it('renders every page without a secret or the session cookie in the HTML or its payload', async () => {
    const node = await firstZonedNode(admin)
    const pages = ['/', '/zones', `/zones/${node.zoneId}`, '/devices', '/gateways', '/map', '/alerts', '/system']
    const html: Array<[string, string]> = [['/login', await (await fetch(`${server.url}/login`)).text()]]
    for (const path of pages) {
      const response = await admin.fetch(path, { headers: { accept: 'text/html' } })
      expect(response.status, path).toBe(200)
      html.push([path, await response.text()])
    }
    for (const [path, text] of html) {
      expect(text, path).toContain('__NUXT_DATA__')
      expect(leaks(text, { ...SECRET_FORMS, 'session cookie': sessionValues['session cookie']! }), path).toEqual([])
    }
  })

  it('logs no secret, password, token or cookie value after the session', async () => {
    // The refused channel auth is logged; seeing it means the log of the session has been read.
    await waitFor(() => server.output().includes('channel auth refused'), 5_000, 'the refusal to be logged')
    const log = server.output()
    expect(leaks(log, { ...SECRET_FORMS, ...sessionValues })).toEqual([])
    // The demo password is printed with the demo logins at start-up, never after.
    const demoLogins = `/ ${DEMO_PASSWORD}`
    expect(log).toContain(demoLogins)
    expect(log.slice(log.lastIndexOf(demoLogins) + demoLogins.length)).not.toContain(DEMO_PASSWORD)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})

describe('a server that cannot reach its database or Redis', () => {
  it('says why on stderr without the passwords in DATABASE_URL or REDIS_URL', async () => {
    const failure = await startServer({
      DATABASE_URL: `postgres://lookout:${SECRETS['DATABASE_URL password']}@127.0.0.1:1/lookout`,
      REDIS_URL: `redis://default:${SECRETS['REDIS_URL password']}@127.0.0.1:1`,
    }).then(server => server.stop().then(() => 'started'), (error: Error) => error.message)
    expect(failure).toMatch(/database error: connect ECONNREFUSED/)
    expect(failure).toContain('redis://default:***@127.0.0.1:1')
    expect(leaks(failure, SECRETS)).toEqual([])
  })
})
