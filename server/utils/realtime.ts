// The process's one realtime engine, and `broadcast`, the call domain services use to publish.
import { loadEngineConfig } from '../realtime/app-config'
import { RealtimeEngine } from '../realtime/engine'

let engine: RealtimeEngine | null = null

/** The engine of this process, created from the environment on first use. */
export function useRealtimeEngine(): RealtimeEngine {
  engine ??= new RealtimeEngine(loadEngineConfig(process.env))
  return engine
}

/** Publishes `payload` as `event` on `channels` of the default app: the same path as the HTTP API. */
export function broadcast(channels: string[], event: string, payload: unknown, options: { exceptSocketId?: string } = {}): void {
  const realtime = useRealtimeEngine()
  const state = realtime.appById(realtime.apps()[0]!.id)!
  realtime.publish(state, { channels, event, data: payload, exceptSocketId: options.exceptSocketId, source: 'domain' })
}
