// Prometheus metrics; protected by a bearer token when METRICS_TOKEN is set.
import { Registry } from 'prom-client'
import { mqttMetrics } from '../devices/mqtt/mqtt-metrics'
import { databaseMetrics } from '../observability/database-metrics'
import { ingestMetrics } from '../observability/ingest-metrics'
import { safeEqualHex } from '../realtime/signature'

export default defineEventHandler(async (event) => {
  const token = process.env.METRICS_TOKEN
  if (token && !safeEqualHex(`Bearer ${token}`, getRequestHeader(event, 'authorization') ?? '')) {
    throw createError({ statusCode: 401, statusMessage: 'A valid METRICS_TOKEN bearer token is required' })
  }
  const registry = Registry.merge([useRealtimeEngine().metrics.registry, useConnectionMetricsReport().registry, mqttMetrics().registry, ingestMetrics().registry, databaseMetrics().registry])
  setResponseHeader(event, 'content-type', registry.contentType)
  return registry.metrics()
})
