// The system page's numbers: for admins the whole realtime server, its webhooks and every browser's reports;
// for other users their tenant's sockets, channels and browsers only (server-wide counters would describe other tenants).
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { tenantRealtimeFigures } from '../../observability/tenant-realtime'
import { webhookNumbers } from '../../webhooks/webhook-numbers'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const app = useRealtimeApp()
  const uptimeSeconds = Math.round(process.uptime())
  if (actor.user.role !== 'admin') {
    const rows = await (await useDatabase()).select({ id: users.id }).from(users).where(eq(users.tenantId, actor.user.tenantId))
    const figures = tenantRealtimeFigures(app, new Set(rows.map(row => String(row.id))))
    return {
      scope: 'tenant' as const,
      server: { ...figures, messagesIn: null, messagesOut: null, errors: null, eventsPublished: null, fanoutMeanMs: null, uptimeSeconds },
      webhooks: null,
      browsers: useConnectionMetricsReport().summary(actor.user.tenantId),
    }
  }
  const engine = useRealtimeEngine()
  const metric = async (name: string) => (await engine.metrics.registry.getSingleMetric(name)?.get())?.values.reduce((sum, value) => sum + value.value, 0) ?? 0
  const fanout = (await engine.metrics.fanoutSeconds.get()).values
  const fanoutCount = fanout.find(value => value.metricName === 'lookout_fanout_seconds_count')?.value ?? 0
  const fanoutSum = fanout.find(value => value.metricName === 'lookout_fanout_seconds_sum')?.value ?? 0
  return {
    scope: 'server' as const,
    server: {
      connections: app.connections.size,
      channels: app.channels.size,
      messagesIn: await metric('lookout_ws_messages_in_total'),
      messagesOut: await metric('lookout_ws_messages_out_total'),
      errors: await metric('lookout_ws_errors_total'),
      eventsPublished: await metric('lookout_events_published_total'),
      /** Mean time to write one event to all of a channel's subscribers here. */
      fanoutMeanMs: fanoutCount > 0 ? Math.round((fanoutSum / fanoutCount) * 1e5) / 100 : null,
      uptimeSeconds,
    },
    webhooks: await webhookNumbers(useWebhookRuntime()),
    browsers: useConnectionMetricsReport().summary(),
  }
})
