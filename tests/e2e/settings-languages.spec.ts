// The Settings pages in Russian and Polish on the demo site: headings, plural counts of nodes, and a refusal of
// the server (a node uid already taken) shown on its form field in the page's language, from its code.
import { expect, test } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { gotoLive, signedInPage } from '../support/signed-in-page'

let server: ServerProcess
let takenUid: string

test.beforeAll(async () => {
  server = await startServer({})
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const nodes = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/devices`)).json() as { data: Array<{ uid: string }> }
  takenUid = nodes.data[0]!.uid
})
test.afterAll(async () => {
  await server.stop()
})

/** The word after a count by the language's rules, written out here rather than taken from the code under test. */
const few = (n: number) => n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14)
const LANGUAGES = [
  { locale: 'ru-RU', heading: 'Настройки', nodes: (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'узел' : few(n) ? 'узла' : 'узлов'}`, taken: 'уже занято', save: 'Добавить' },
  { locale: 'pl-PL', heading: 'Ustawienia', nodes: (n: number) => `${n} ${n === 1 ? 'węzeł' : few(n) ? 'węzły' : 'węzłów'}`, taken: 'jest już zajęte', save: 'Dodaj' },
]

for (const language of LANGUAGES) {
  test(`Settings in ${language.locale}: headings, node counts and a server refusal on its field`, async ({ browser }) => {
    const page = await signedInPage(browser, server, 'admin', '/settings/zones', { locale: language.locale, listens: false })
    await expect(page.locator('main h1').first()).toHaveText(language.heading)
    const counts = page.getByTestId('settings-list').locator('li span.text-muted')
    await expect(counts.first()).toBeVisible()
    for (const text of await counts.allTextContents()) expect(text.trim()).toBe(language.nodes(Number.parseInt(text.trim(), 10)))
    await gotoLive(page, server, '/settings/nodes')
    await page.getByTestId('add-node').click()
    const form = page.getByTestId('node-form')
    await form.locator('input[name=uid]').fill(takenUid)
    await form.locator('input[name=name]').fill('Twin')
    await form.getByRole('button', { name: language.save }).click()
    await expect(form).toContainText(language.taken)
    // It stays there: the form's own check of the uid typed just before (debounced by default) must not wipe it.
    await page.waitForTimeout(600)
    await expect(form).toContainText(language.taken, { timeout: 1 })
    await page.context().close()
  })
}
