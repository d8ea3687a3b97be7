// The process's browser-telemetry aggregator.
import { BrowserTelemetryAggregator } from '../observability/browser-telemetry'

let aggregator: BrowserTelemetryAggregator | null = null

export function useBrowserTelemetry(): BrowserTelemetryAggregator {
  aggregator ??= new BrowserTelemetryAggregator()
  return aggregator
}
