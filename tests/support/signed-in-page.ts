// A browser page signed in through the login form, for end-to-end tests.
import { expect } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { DEMO_PASSWORD, demoEmail } from './http-session'
import type { ServerProcess } from './server-process'

export interface SignedInOptions {
  viewport?: { width: number, height: number }
  /** Wait until the page's channels are confirmed too (false for pages that listen to none). */
  listens?: boolean
  colorScheme?: 'light' | 'dark'
  /** The browser's language (its Accept-Language and navigator.language); Playwright's configured one by default. */
  locale?: string
  /** Runs on the new page before it first navigates (to add init scripts or listeners). */
  prepare?: (page: Page) => Promise<void> | void
}

/** A new browser context signed in as the greenfield demo user of `role`, on `path`, once live. */
export async function signedInPage(browser: Browser, server: ServerProcess, role: 'admin' | 'operator' | 'viewer', path: string, options: SignedInOptions = {}): Promise<Page> {
  const { viewport = { width: 1280, height: 800 }, listens = true, colorScheme = 'light', prepare, locale } = options
  const context = await browser.newContext({ viewport, colorScheme, ...(locale ? { locale } : {}) })
  const page = await context.newPage()
  await prepare?.(page)
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`)
  await page.fill('input[name=email]', demoEmail(role, 'greenfield'))
  await page.fill('input[name=password]', DEMO_PASSWORD)
  await page.click('button[type=submit]')
  // Live means the socket is up and every channel of the page confirmed (socket, then one authorisation per
  // channel): a bound sized for a loaded 2-core machine.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  if (listens) await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-channels', '0')
  return page
}

/** Fails when the page is wider than its viewport (nothing may scroll sideways on a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
}

/**
 * Goes to `path` and waits until the page is live: its server-rendered buttons and fields answer only once the
 * page has hydrated (before, a click is lost and typing is reset), which its live connection shows.
 */
export async function gotoLive(page: Page, server: ServerProcess, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
}
