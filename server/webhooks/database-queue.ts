// The webhook queue in the database (embedded or PostgreSQL): survives restarts, and several nodes sharing
// one PostgreSQL never send the same delivery at once (claims skip locked rows and take a lease).
import { count, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { webhookDeliveries } from '../db/schema'
import type { Delivery, WebhookQueue } from '../realtime/webhooks/webhook-queue'

export class DatabaseWebhookQueue implements WebhookQueue {
  /** `database` may still be opening: deliveries wait for it rather than being lost. */
  constructor(private readonly database: Promise<Database>) {}

  async enqueue(deliveries: Array<{ url: string, body: string }>, now: number): Promise<void> {
    const at = new Date(now)
    await (await this.database).insert(webhookDeliveries).values(deliveries.map(delivery => ({ ...delivery, createdAt: at, nextAttemptAt: at })))
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    const at = new Date(now).toISOString()
    const until = new Date(now + leaseMs).toISOString()
    const result = await (await this.database).execute(sql`
      UPDATE webhook_deliveries SET leased_until = ${until}
      WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE next_attempt_at <= ${at} AND (leased_until IS NULL OR leased_until <= ${at})
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, url, body, attempts, created_at`)
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ id: string | number, url: string, body: string, attempts: number, created_at: string | Date }>
    // Sent in the order they were queued, as the receiver would have seen them without an outage.
    return rows.map(row => ({ id: String(row.id), url: row.url, body: row.body, attempts: row.attempts, createdAt: new Date(row.created_at).getTime() })).sort((a, b) => Number(a.id) - Number(b.id))
  }

  async remove(id: string): Promise<void> {
    await (await this.database).delete(webhookDeliveries).where(eq(webhookDeliveries.id, Number(id)))
  }

  async retryAt(id: string, attempts: number, nextAttemptAt: number): Promise<void> {
    await (await this.database).update(webhookDeliveries).set({ attempts, nextAttemptAt: new Date(nextAttemptAt), leasedUntil: null }).where(eq(webhookDeliveries.id, Number(id)))
  }

  async length(): Promise<number> {
    const [row] = await (await this.database).select({ waiting: count() }).from(webhookDeliveries)
    return row?.waiting ?? 0
  }
}
