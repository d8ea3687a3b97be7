// The process's aggregator of browser connection metrics.
import { ConnectionMetricsAggregator } from '../observability/connection-metrics'

let aggregator: ConnectionMetricsAggregator | null = null

export function useConnectionMetricsReport(): ConnectionMetricsAggregator {
  aggregator ??= new ConnectionMetricsAggregator()
  return aggregator
}
