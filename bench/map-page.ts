// The map page in Debian's Chromium, signed in as a demo user, with what the map scenario samples in it:
// requestAnimationFrame intervals in the page, `position.batch` frames off its WebSocket, the tab's CPU over CDP.
import { chromium } from '@playwright/test'
import type { Browser, CDPSession, Page } from '@playwright/test'
import type { BatchSample } from './map-figures'
import { positionBatchSample } from './map-figures'

const CONNECT_LIMIT_MS = 60_000

/** What the page gathered between startSampling and stopSampling. */
export interface PageSamples {
  frameIntervals: number[]
  batches: BatchSample[]
  /** Main-thread seconds of the tab: all its tasks, and of those running scripts (Performance.getMetrics). */
  tabTaskSeconds: number
  tabScriptSeconds: number
  /** CPU seconds of the renderer process and of its main thread (ProcessTime, ThreadTime): wall time above includes waiting. */
  tabProcessCpuSeconds: number
  tabThreadCpuSeconds: number
  /** Map repaints: WebGL clears of the colour buffer, one per frame MapLibre draws. */
  mapRepaints: number
  /** Long animation frames (over 50 ms, PerformanceObserver 'long-animation-frame'): how many, their ms, and of those ms running scripts and style/layout. */
  longFrames: { count: number, ms: number, scriptMs: number, styleLayoutMs: number }
}

// Given as text: the bench runs under tsx, whose helpers (`__name`) a serialised function would take into the page.
// The callback's timestamp is the frame's start, so the difference of two is the frame time the user saw.
// Long animation frames say where a slow frame's time went (scripts, style and layout, the rest being rendering).
const FRAME_SAMPLER = `(() => {
  const sampler = { intervals: [], running: true, longFrames: { count: 0, ms: 0, scriptMs: 0, styleLayoutMs: 0 } }
  window.frameSampler = sampler
  let last = null
  const step = (now) => {
    if (last !== null) sampler.intervals.push(now - last)
    last = now
    if (sampler.running) requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    const observer = new PerformanceObserver((list) => {
      if (!sampler.running) return observer.disconnect()
      for (const entry of list.getEntries()) {
        sampler.longFrames.count += 1
        sampler.longFrames.ms += entry.duration
        sampler.longFrames.scriptMs += entry.scripts.reduce((sum, script) => sum + script.duration, 0)
        if (entry.styleAndLayoutStart > 0) sampler.longFrames.styleLayoutMs += entry.startTime + entry.duration - entry.styleAndLayoutStart
      }
    })
    observer.observe({ type: 'long-animation-frame' })
  }
})()`

// Installed before the page's scripts: MapLibre clears the colour buffer once per frame it draws, so counting
// those clears counts the map's repaints (each a full redraw, costly with software WebGL) without touching the app.
const REPAINT_COUNTER = `(() => {
  window.mapRepaints = 0
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const clear = proto.clear
    proto.clear = function (mask) {
      if (mask & this.COLOR_BUFFER_BIT) window.mapRepaints += 1
      return clear.call(this, mask)
    }
  }
})()`

export class MapPage {
  private batches: BatchSample[] = []
  private sampling = false
  private metricsBefore = new Map<string, number>()
  private repaintsBefore = 0
  private firstBatch: Promise<void>

  private constructor(private readonly browser: Browser, private readonly page: Page, private readonly cdp: CDPSession) {
    this.firstBatch = new Promise((resolve) => {
      page.on('websocket', socket => socket.on('framereceived', ({ payload }) => {
        const sample = positionBatchSample(payload)
        if (!sample) return
        resolve()
        if (this.sampling) this.batches.push(sample)
      }))
    })
  }

  /** Launches Chromium, signs in as `email` through the login form and opens /map; resolves once its socket is connected. */
  static async open(baseUrl: string, email: string, password: string): Promise<MapPage> {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
      const cdp = await page.context().newCDPSession(page)
      const mapPage = new MapPage(browser, page, cdp)
      await page.addInitScript(REPAINT_COUNTER)
      // A server busy ingesting thousands of positions a second answers pages slowly.
      page.setDefaultTimeout(CONNECT_LIMIT_MS)
      await page.goto(`${baseUrl}/login?redirect=%2Fmap`)
      await page.fill('input[name=email]', email)
      await page.fill('input[name=password]', password)
      await page.click('button[type=submit]')
      await page.waitForSelector('[data-testid=connection-status][data-state=connected]', { timeout: CONNECT_LIMIT_MS })
      await cdp.send('Performance.enable')
      return mapPage
    }
    catch (error) {
      await browser.close()
      throw error
    }
  }

  /** Resolves when the first `position.batch` reached the page (the fleet is live), or rejects after `limitMs`. */
  async firstBatchWithin(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      this.firstBatch,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no position.batch reached the map page within ${limitMs / 1000} s`)), limitMs))),
    ]).finally(() => clearTimeout(timer))
  }

  /** Makes the map's WebGL canvas invisible (the page still updates its sources), to measure the page without the map's drawing. */
  async hideMapCanvas(): Promise<void> {
    await this.page.evaluate(`document.querySelectorAll('.maplibregl-canvas').forEach(canvas => { canvas.style.visibility = 'hidden' })`)
  }

  /** Starts counting frames, batches and the tab's CPU from now. */
  async startSampling(): Promise<void> {
    this.batches = []
    this.metricsBefore = await this.metrics()
    this.repaintsBefore = await this.page.evaluate('window.mapRepaints') as number
    this.sampling = true
    await this.page.evaluate(FRAME_SAMPLER)
  }

  /** Stops sampling and hands over what was gathered since startSampling. */
  async stopSampling(): Promise<PageSamples> {
    const { intervals: frameIntervals, longFrames } = await this.page.evaluate('window.frameSampler.running = false, window.frameSampler') as { intervals: number[], longFrames: PageSamples['longFrames'] }
    this.sampling = false
    const mapRepaints = await this.page.evaluate('window.mapRepaints') as number - this.repaintsBefore
    const after = await this.metrics()
    const delta = (name: string) => (after.get(name) ?? 0) - (this.metricsBefore.get(name) ?? 0)
    return {
      frameIntervals, longFrames, mapRepaints, batches: this.batches,
      tabTaskSeconds: delta('TaskDuration'), tabScriptSeconds: delta('ScriptDuration'),
      tabProcessCpuSeconds: delta('ProcessTime'), tabThreadCpuSeconds: delta('ThreadTime'),
    }
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.browser.close()
  }

  private async metrics(): Promise<Map<string, number>> {
    const { metrics } = await this.cdp.send('Performance.getMetrics')
    return new Map(metrics.map(metric => [metric.name, metric.value]))
  }
}
