// Webhook receivers as configured in LOOKOUT_WEBHOOKS (soketi's JSON shape), validated once at start-up.
import { z } from 'zod'

export const WEBHOOK_EVENT_TYPES = ['channel_occupied', 'channel_vacated', 'member_added', 'member_removed', 'client_event', 'cache_miss', 'subscription_count'] as const

/** One kind of webhook event, named as Pusher names it in the body. */
export type WebhookEventType = typeof WEBHOOK_EVENT_TYPES[number]

const receiverSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  event_types: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
  filter: z.object({
    channel_name_starts_with: z.string().min(1).optional(),
    channel_name_ends_with: z.string().min(1).optional(),
  }).strict().optional(),
  headers: z.record(z.string(), z.string()).optional(),
}).strict()

/** Where one receiver wants which events, and which of its channels. */
export type WebhookReceiver = z.infer<typeof receiverSchema>

export interface WebhookSettings {
  receivers: WebhookReceiver[]
  /** Milliseconds events are gathered into one request per receiver; 0 sends each event at once. */
  batchMs: number
}

/** Reads LOOKOUT_WEBHOOKS and LOOKOUT_WEBHOOK_BATCH_MS; throws naming the variable and the field that is wrong. */
export function loadWebhookSettings(env: Record<string, string | undefined>): WebhookSettings {
  const batchMs = Number(env.LOOKOUT_WEBHOOK_BATCH_MS || 0)
  if (!Number.isFinite(batchMs) || batchMs < 0) throw new Error(`LOOKOUT_WEBHOOK_BATCH_MS must be a non-negative number of milliseconds, got "${env.LOOKOUT_WEBHOOK_BATCH_MS}"`)
  const raw = env.LOOKOUT_WEBHOOKS?.trim()
  if (!raw) return { receivers: [], batchMs }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  }
  catch {
    throw new Error('LOOKOUT_WEBHOOKS is not valid JSON: expected an array such as [{"url": "https://…", "event_types": ["channel_occupied"]}]')
  }
  const result = z.array(receiverSchema).safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new Error(`LOOKOUT_WEBHOOKS.${issue.path.join('.')}: ${issue.message}`)
  }
  return { receivers: result.data, batchMs }
}
