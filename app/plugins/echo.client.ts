// Creates the Echo instance once for the whole app (signed-in pages only), and reports the browser's connection metrics.
import { connectionMetrics, initEcho, reconnectNowIfDown } from '../../composables/useEcho'
import { xsrfToken } from '../utils/xsrf-token'

const REPORT_EVERY_MS = 15_000

export default defineNuxtPlugin(() => {
  const start = async () => {
    if (!useCurrentUser().me.value) return
    await initEcho()
  }
  useRouter().afterEach(() => { void start() })
  void start()
  window.addEventListener('online', reconnectNowIfDown)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNowIfDown()
    else flush(true)
  })
  window.addEventListener('pagehide', () => flush(true))
  setInterval(() => flush(false), REPORT_EVERY_MS)
})

/** Sends what the buffer holds; on page hide with sendBeacon, which outlives the page. */
function flush(leaving: boolean): void {
  const report = connectionMetrics.take()
  if (!report) return
  const xsrf = xsrfToken()
  if (leaving && navigator.sendBeacon) {
    navigator.sendBeacon('/api/connection-metrics', new Blob([JSON.stringify({ ...report, xsrf })], { type: 'application/json' }))
    return
  }
  $fetch('/api/connection-metrics', { method: 'POST', body: report, headers: { 'x-xsrf-token': xsrf } }).catch(() => {})
}
