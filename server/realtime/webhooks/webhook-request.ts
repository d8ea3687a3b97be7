// A webhook body and its headers, signed as Pusher signs them so the SDKs' webhook() and Laravel accept them.
import { createHmac } from 'node:crypto'
import type { WebhookEvent } from './webhook-event'

/** The raw body: `{"time_ms", "events"}`. */
export function webhookBody(events: WebhookEvent[], timeMs: number): string {
  return JSON.stringify({ time_ms: timeMs, events })
}

/**
 * Headers of one delivery: the receiver's own first, so they can never replace the signature or the
 * content type (exactly `application/json`: the pusher SDK refuses a charset suffix).
 */
export function webhookHeaders(app: { key: string, secret: string }, body: string, extra: Record<string, string> = {}): Record<string, string> {
  const own = Object.fromEntries(Object.entries(extra).filter(([name]) => !/^(content-type|x-pusher-key|x-pusher-signature|content-length)$/i.test(name)))
  return {
    ...own,
    'Content-Type': 'application/json',
    'X-Pusher-Key': app.key,
    'X-Pusher-Signature': createHmac('sha256', app.secret).update(body).digest('hex'),
  }
}
