// The page language against the built server: the login page follows Accept-Language, a signed-in user's stored
// choice (PUT /api/auth/locale) wins over it in the server-rendered page, and a bad choice is refused naming `locale`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let operator: Session

beforeAll(async () => {
  server = await startServer()
  operator = await login(server, demoEmail('operator', 'northwind'))
}, 120_000)
afterAll(() => server?.stop())

/** The server-rendered page's `<html lang>` and body text, as a browser asking for `acceptLanguage` gets it. */
async function renderedPage(path: string, acceptLanguage: string, session?: Session): Promise<{ lang: string | undefined, html: string }> {
  const headers: Record<string, string> = { 'accept-language': acceptLanguage }
  const response = session ? await session.fetch(path, { headers }) : await fetch(`${server.url}${path}`, { headers })
  expect(response.status).toBe(200)
  const html = await response.text()
  return { lang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1], html }
}

const chooseLocale = (session: Session, body: unknown) => session.fetch('/api/auth/locale', { method: 'PUT', body: JSON.stringify(body) })

describe('the language of the pages', () => {
  it('renders the login page in the browser\'s preferred language we speak, else English', async () => {
    expect(await renderedPage('/login', 'ru-RU,ru;q=0.9,en;q=0.5')).toMatchObject({ lang: 'ru', html: expect.stringContaining('Войти') })
    expect(await renderedPage('/login', 'pl-PL,pl;q=0.9')).toMatchObject({ lang: 'pl', html: expect.stringContaining('Zaloguj') })
    expect(await renderedPage('/login', 'de-DE,fr;q=0.8')).toMatchObject({ lang: 'en', html: expect.stringContaining('Sign in') })
  })

  it('follows Accept-Language for a signed-in user who has not chosen, and their stored choice once they have', async () => {
    expect((await (await operator.fetch('/api/auth/me')).json()).user.locale).toBeNull()
    expect((await renderedPage('/', 'ru', operator)).lang).toBe('ru')

    const chosen = await chooseLocale(operator, { locale: 'pl' })
    expect(chosen.status).toBe(200)
    expect(await chosen.json()).toEqual({ data: { locale: 'pl' } })
    expect((await (await operator.fetch('/api/auth/me')).json()).user.locale).toBe('pl')
    const page = await renderedPage('/', 'ru-RU,ru;q=0.9', operator)
    expect(page.lang).toBe('pl')
    expect(page.html).toContain('Pulpit')

    // Another user of the same tenant keeps following their browser.
    const viewer = await login(server, demoEmail('viewer', 'northwind'))
    expect((await renderedPage('/', 'ru', viewer)).lang).toBe('ru')

    expect((await chooseLocale(operator, { locale: null })).status).toBe(200)
    expect((await renderedPage('/', 'ru', operator)).lang).toBe('ru')
  })

  it('refuses a language it does not speak with 422 naming locale, and keeps the stored choice', async () => {
    expect((await chooseLocale(operator, { locale: 'ru' })).status).toBe(200)
    for (const body of [{ locale: 'de' }, { locale: 'RU' }, {}, { locale: 7 }]) {
      const refused = await chooseLocale(operator, body)
      expect(refused.status).toBe(422)
      expect((await refused.json()).statusMessage).toMatch(/^locale: /)
    }
    expect((await (await operator.fetch('/api/auth/me')).json()).user.locale).toBe('ru')
  })

  it('stores nothing for a request without a session', async () => {
    const anonymous = await fetch(`${server.url}/api/auth/locale`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'pl' }) })
    expect(anonymous.status).toBe(401)
  })
})
