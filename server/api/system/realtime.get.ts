// The system page's numbers: the realtime server's state, its webhooks and what browsers report.
import { webhookNumbers } from '../../webhooks/webhook-numbers'

export default defineEventHandler(async (event) => {
  await useActor(event)
  const engine = useRealtimeEngine()
  const app = useRealtimeApp()
  const metric = async (name: string) => (await engine.metrics.registry.getSingleMetric(name)?.get())?.values.reduce((sum, value) => sum + value.value, 0) ?? 0
  const fanout = (await engine.metrics.fanoutSeconds.get()).values
  const fanoutCount = fanout.find(value => value.metricName === 'lookout_fanout_seconds_count')?.value ?? 0
  const fanoutSum = fanout.find(value => value.metricName === 'lookout_fanout_seconds_sum')?.value ?? 0
  return {
    server: {
      connections: app.connections.size,
      channels: app.channels.size,
      messagesIn: await metric('lookout_ws_messages_in_total'),
      messagesOut: await metric('lookout_ws_messages_out_total'),
      errors: await metric('lookout_ws_errors_total'),
      eventsPublished: await metric('lookout_events_published_total'),
      /** Mean time to write one event to all of a channel's subscribers here. */
      fanoutMeanMs: fanoutCount > 0 ? Math.round((fanoutSum / fanoutCount) * 1e5) / 100 : null,
      uptimeSeconds: Math.round(process.uptime()),
    },
    webhooks: await webhookNumbers(useWebhookRuntime()),
    browsers: useConnectionMetricsReport().summary(),
  }
})
