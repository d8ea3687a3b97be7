// The process's one realtime engine, and `broadcast`, the call domain services use to publish.
import { loadEngineConfig } from '../realtime/app-config'
import type { AppState } from '../realtime/app-state'
import { allowsClientEvent } from '../channels'
import type { Actor } from '../auth/actor'
import { storedSecret } from '../auth/stored-secret'
import { RealtimeEngine } from '../realtime/engine'

let engine: RealtimeEngine | null = null

/** The engine of this process, created from the environment on first use. */
export function useRealtimeEngine(): RealtimeEngine {
  if (!engine) {
    engine = new RealtimeEngine(loadEngineConfig(process.env, () => storedSecret('app-secret').value))
    for (const app of engine.apps()) engine.appById(app.id)!.clientEventRule = allowsClientEvent
  }
  return engine
}

/** The app Lookout's own pages and domain use (the one configured by REVERB_APP_*). */
export function useRealtimeApp(): AppState {
  const realtime = useRealtimeEngine()
  return realtime.appById(realtime.apps()[0]!.id)!
}

/** Publishes `payload` as `event` on `channels`: the same path as the HTTP API. */
export function broadcast(channels: string[], event: string, payload: unknown, options: { exceptSocketId?: string } = {}): void {
  void useRealtimeEngine().publish(useRealtimeApp(), { channels, event, data: payload, exceptSocketId: options.exceptSocketId, source: 'domain' })
}

/** Closes every socket of a Lookout user (signed in, in presence channels, or bound by channel auth); returns how many here. */
export function terminateUserConnections(userId: number): number {
  return useRealtimeEngine().terminateUser(useRealtimeApp(), String(userId))
}

/** Closes every socket bound through a session or token (logout, revocation); returns how many here. */
export function revokeCredentialConnections(credential: string): number {
  return useRealtimeEngine().revokeCredential(useRealtimeApp(), credential)
}

/** Binds a socket to the actor the server just signed a subscription or signin for (cluster-wide). */
export function bindSocketToActor(socketId: string, actor: Actor): void {
  useRealtimeEngine().bindSocket(useRealtimeApp(), socketId, { userId: String(actor.user.id), credential: actor.credential, role: actor.user.role })
}
